import { lowerCaseWord } from './lowerCaseWords';
import type { SessionResult, SessionState } from './restoreSession';

/** Server state strings (both APIs, any case) to the normalised lifecycle. Unknown strings stay visible as rawState. */
export function normaliseState(raw: string | undefined): SessionState {
  switch (lowerCaseWord(raw ?? '')) {
    case 'starting':
    case 'working':
    case 'running':
      return 'running';
    case 'stopping':
      return 'stopping';
    case 'stopped':
    case 'finished':
      return 'finished';
    default:
      return 'unknown';
  }
}

export function normaliseResult(raw: string | undefined, state: SessionState): SessionResult {
  // VB365 reports a result even while working (v5 examples show Working + Success): not an outcome yet.
  if (state === 'running' || state === 'stopping') return 'pending';
  // A state we do not know may be running or over: no result word (not even "None") can be read as an outcome.
  if (state === 'unknown') return 'unknown';
  switch (lowerCaseWord(raw ?? '')) {
    case 'none':
    case '':
      return 'unknown';
    case 'success':
      return 'success';
    case 'warning':
      return 'warning';
    case 'failed':
      return 'failed';
    default:
      return 'unknown';
  }
}
