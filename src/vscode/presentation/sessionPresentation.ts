import { kindDescriptor } from '../../core/kinds/serverKinds';
import type { RestoreSession, RestoreSessionSummary } from '../../core/model/restoreSession';
import { formatDuration, sessionElapsedMs } from '../../shared/duration';
import { resultLabel, resultText, showsProgress, stateLabel } from '../../shared/sessionLabels';
import type { Translate } from '../../shared/translate';

/** A codicon id and, when the state has one, the theme colour to paint it with. */
export interface IconChoice {
  id: string;
  color?: string;
}

type Shown = Pick<
  RestoreSession,
  'state' | 'rawState' | 'result' | 'rawResult' | 'progress' | 'durationMs' | 'creationTime'
>;

/** Icon by state and result: shape carries the meaning, colour only reinforces it. */
export function sessionIcon(session: Pick<RestoreSession, 'state' | 'result'>): IconChoice {
  if (session.state === 'running' || session.state === 'stopping') return { id: 'loading~spin' };
  // Neither the spinner nor an outcome: the server used a state word this version does not know.
  if (session.state === 'unknown') return { id: 'question' };
  switch (session.result) {
    case 'success':
      return { id: 'pass', color: 'testing.iconPassed' };
    case 'warning':
      return { id: 'warning', color: 'list.warningForeground' };
    case 'failed':
      return { id: 'error', color: 'testing.iconFailed' };
    default:
      return { id: 'circle-slash' };
  }
}

/**
 * "Working · 42%" while running, "Success · 3m 12s" when finished (never a percentage: EM reports 0 on some finished
 * sessions), "Unknown (Postprocessing) · 3m 12s" in a state we do not know.
 */
export function sessionDescription(session: Shown, now: number, t: Translate): string {
  if (showsProgress(session)) {
    const state = stateLabel(session, t);
    return session.progress === undefined ? state : `${state} · ${Math.round(session.progress)}%`;
  }
  const label = session.state === 'finished' ? resultLabel(session, t) : stateLabel(session, t);
  const elapsed = sessionElapsedMs(session, now);
  return elapsed === undefined ? label : `${label} · ${formatDuration(elapsed)}`;
}

/**
 * Screen-reader sentence: name, state, result and progress in words. `description` is the row's sessionDescription
 * when the caller has it already (a tree row does).
 */
export function sessionAccessibilityLabel(session: Shown & Pick<RestoreSession, 'name'>, now: number, t: Translate, description?: string): string {
  if (session.state === 'running' || session.state === 'stopping') {
    return session.progress === undefined
      ? t('Restore session {0}, {1}', session.name, stateLabel(session, t))
      : t('Restore session {0}, {1}, {2} percent', session.name, stateLabel(session, t), Math.round(session.progress));
  }
  return t('Restore session {0}, {1}', session.name, description ?? sessionDescription(session, now, t));
}

function elapsedText(session: Shown, now: number): string | undefined {
  const elapsed = sessionElapsedMs(session, now);
  return elapsed === undefined ? undefined : formatDuration(elapsed);
}

/** Escapes text from the server so Markdown renders it literally (no links, no HTML, no emphasis). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/**
 * The tooltip's label/value lines, fields without a value left out: the tree shows them as Markdown, the Restore
 * Activity timeline as plain text. `formatTime` renders ISO timestamps in the user's locale.
 */
export function sessionTooltipRows(
  session: RestoreSessionSummary,
  now: number,
  t: Translate,
  formatTime: (iso: string) => string,
): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    // While running the state line carries the progress ("Working · 42%"); afterwards the state word alone, the
    // outcome being the Result line.
    [t('State'), session.state === 'running' || session.state === 'stopping' ? sessionDescription(session, now, t) : stateLabel(session, t)],
    [t('Result'), resultText(session, t)],
    [t('Duration'), elapsedText(session, now)],
    [t('Type'), session.typeLabel],
    [t('Platform'), session.platform === 'unknown' ? undefined : session.platform],
    // A time sent without a zone is the server's own clock: shown as sent, never converted as if it were UTC.
    [t('Started'), session.creationTime ? formatTime(session.creationTime) : serverLocal(session.creationTimeLocal, t)],
    [t('Ended'), session.endTime ? formatTime(session.endTime) : serverLocal(session.endTimeLocal, t)],
    [t(kindDescriptor(session.kind).restoredObjectLabel), session.vmDisplayName ?? session.restoredObject],
    [t('Initiated by'), session.initiatedBy],
    [t('Reason'), session.reason],
    [t('ID'), session.id],
  ];
  return rows.filter((row): row is [string, string] => !!row[1]);
}

/** Tooltip body in Markdown: one bold title line, then a label/value line per known field. */
export function sessionTooltipMarkdown(
  session: RestoreSessionSummary,
  now: number,
  t: Translate,
  formatTime: (iso: string) => string,
): string {
  const lines = [`**${escapeMarkdown(session.name)}**`, ''];
  for (const [label, value] of sessionTooltipRows(session, now, t, formatTime)) lines.push(`${escapeMarkdown(label)}: ${escapeMarkdown(value)}  `);
  return lines.join('\n');
}

function serverLocal(text: string | undefined, t: Translate): string | undefined {
  return text ? t('{0} (server time, zone not given)', text.replace('T', ' ').replace(/\.\d+$/, '')) : undefined;
}
