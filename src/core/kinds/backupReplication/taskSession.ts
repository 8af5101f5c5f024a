import type { TaskSession } from '../../model/restoreSession';
import { lowerCaseGuid } from '../../model/restoreSessionUid';
import { isPlainRecord } from '../../parsing/caseInsensitiveFields';
import { parseProgress } from '../../parsing/progressValue';
import { sharedText } from '../../parsing/sharedText';
import { fieldValue, readerFor, resultWord, textValue } from './sessionModel';
import { localText, serverTimeMs, zonedIso } from './serverTime';
import { backupReplicationResult, backupReplicationState } from './vocabulary';

/**
 * One `TaskSessionModel` (shared/veeam-api-vbr.md §4.4): a per-object subtask of a session. `type` is the
 * discriminator (`Backup`, `Restore`, `Replica`, `Antivirus`); a Restore task carries only name, state, usn and result.
 * Published examples write its times without a zone, so they usually end up in the `…Local` fields. Undefined when
 * its id is not a GUID.
 */
export function normaliseTaskSession(source: Record<string, unknown>): TaskSession | undefined {
  const f = readerFor(source);
  const rawId = textValue(fieldValue(source, f, 'id'));
  const id = rawId === undefined ? undefined : lowerCaseGuid(rawId);
  if (!id) return undefined;
  const type = sharedText(textValue(fieldValue(source, f, 'type')) ?? '');
  const rawState = sharedText(textValue(fieldValue(source, f, 'state')) ?? '');
  const state = backupReplicationState(rawState === '' ? undefined : rawState);
  const resultText = resultWord(fieldValue(source, f, 'result'));
  const createdText = textValue(fieldValue(source, f, 'creationTime'));
  const created = serverTimeMs(createdText);
  const endedText = state === 'finished' ? textValue(fieldValue(source, f, 'endTime')) : undefined;
  const ended = serverTimeMs(endedText);
  const name = textValue(fieldValue(source, f, 'name'));
  const task: TaskSession = {
    id,
    // Antivirus tasks have no name: the type says what they are.
    name: name !== undefined && name.trim() !== '' ? name : `${type || 'Task'} ${id}`,
    type,
    state,
    rawState,
    result: backupReplicationResult(resultText, state),
    rawResult: sharedText(resultText ?? ''),
    progress: taskProgress(fieldValue(source, f, 'progress')),
    creationTime: zonedIso(createdText, created),
    endTime: zonedIso(endedText, ended),
  };
  const createdLocal = localText(createdText, created);
  if (createdLocal !== undefined) task.creationTimeLocal = createdLocal;
  const endedLocal = localText(endedText, ended);
  if (endedLocal !== undefined) task.endTimeLocal = endedLocal;
  return task;
}

/** `progress.progressPercent` (1.3-rev0+); earlier revisions give a task no percentage. */
function taskProgress(progress: unknown): number | undefined {
  if (!isPlainRecord(progress)) return undefined;
  return parseProgress(progress.progressPercent);
}
