import type { RestoreSession, SessionResult, SessionState } from '../core/model/restoreSession';
import type { Translate } from './translate';

/* The words for a session's state and result: shared by the extension host (tree, tooltips) and the session page. */

/** Our word for a normalised state (filter choices, and sessions whose server gave no word). */
export function stateName(state: SessionState, t: Translate): string {
  switch (state) {
    case 'running':
      return t('Running');
    case 'stopping':
      return t('Stopping');
    case 'finished':
      return t('Finished');
    default:
      return t('Unknown');
  }
}

/** Our word for a normalised result. */
export function resultName(result: SessionResult, t: Translate): string {
  switch (result) {
    case 'success':
      return t('Success');
    case 'warning':
      return t('Warning');
    case 'failed':
      return t('Failed');
    case 'pending':
      return t('Pending');
    default:
      return t('Unknown');
  }
}

/**
 * The state word shown to the user: the server's own word when it has one ("Working"), else ours. A word this
 * version does not know reads "Unknown (Postprocessing)": shown as it came, never passed off as a known state.
 */
export function stateLabel(session: Pick<RestoreSession, 'state' | 'rawState'>, t: Translate): string {
  if (session.state === 'unknown') return unknownLabel(session.rawState, t);
  return session.rawState || stateName(session.state, t);
}

/** "Unknown (Partial)" for a result word we do not know, "Unknown" when the server gave none (or "None"). */
export function resultLabel(session: Pick<RestoreSession, 'result' | 'rawResult'>, t: Translate): string {
  return session.result === 'unknown' ? unknownLabel(session.rawResult, t) : resultName(session.result, t);
}

/** Server result words that carry no outcome: EM says "None" until a session ends. */
const PLACEHOLDER_RESULTS = new Set(['', 'none']);

function unknownLabel(raw: string | undefined, t: Translate): string {
  const word = (raw ?? '').trim();
  return PLACEHOLDER_RESULTS.has(word.toLowerCase()) ? t('Unknown') : t('Unknown ({0})', word);
}

/**
 * The result as a sentence-ready word: ours ("Pending" while running, "Success"…), with the server's own word in
 * parentheses only when it says something ours does not (an unfamiliar or translated word). EM's "None" while
 * running, or VB365's interim "Success" while still working, would only mislead next to "Pending".
 */
export function resultText(session: Pick<RestoreSession, 'result' | 'rawResult'>, t: Translate): string {
  const raw = (session.rawResult ?? '').trim();
  if (session.result === 'unknown') return resultLabel(session, t);
  const label = resultLabel(session, t);
  if (session.result === 'pending' || PLACEHOLDER_RESULTS.has(raw.toLowerCase()) || raw.toLowerCase() === label.toLowerCase()) return label;
  return `${label} (${raw})`;
}

/**
 * Whether a progress figure (bar, percentage) belongs on screen: only while the session runs. A finished session
 * shows its result instead (EM reports Progress 0 on some successful file-level restores: a bar at 0 % would read as
 * stuck), and a state we do not know gets no figure that could pass for a known one.
 */
export function showsProgress(session: Pick<RestoreSession, 'state'>): boolean {
  return session.state === 'running' || session.state === 'stopping';
}
