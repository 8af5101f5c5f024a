import { fullSession, type RawBody, type RestoreSession, type RestoreSessionSummary, type SessionProgressDetails } from '../../model/restoreSession';
import { lowerCaseGuid, uidForId } from '../../model/restoreSessionUid';
import { CaseInsensitiveFields, isPlainRecord, NO_EXTRA_FIELDS, safeRecord } from '../../parsing/caseInsensitiveFields';
import { parseProgress } from '../../parsing/progressValue';
import { sharedText } from '../../parsing/sharedText';
import { localText, sameClockDuration, serverTimeMs, zonedIso } from './serverTime';
import { backupReplicationPlatform, backupReplicationResult, backupReplicationState, sessionTypeLabel } from './vocabulary';

/**
 * Backup & Replication `SessionModel` (shared/veeam-api-vbr.md §5.1) to the domain model. Revisions differ: 1.1-rev0
 * names the job `activityId`, 1.2-rev1+ `jobId`; 1.1-rev0/1.2-rev1 write absent values as `null`, 1.3-rev1+ omit them;
 * `result` may be `null`; 1.3-rev2 adds a `progress` object. All of these are read alike.
 */

// Lower-case names of the fields the model holds; any other field is kept verbatim in `extra`.
const KNOWN = new Set([
  'id', 'name', 'activityid', 'jobid', 'sessiontype', 'creationtime', 'endtime', 'state', 'progresspercent', 'result',
  'resourceid', 'resourcereference', 'parentsessionid', 'platformname', 'initiatedby', 'progress',
]);

/**
 * Reads a field by its documented camelCase name; `fields` is set only for an object that does not use the documented
 * casing (one reader per such object). Servers write camelCase, so a list row makes no reader at all, even when
 * 1.3-rev1+ omits half its fields.
 */
export function fieldValue(source: Readonly<Record<string, unknown>>, fields: CaseInsensitiveFields | undefined, name: string): unknown {
  return fields === undefined ? (Object.hasOwn(source, name) ? source[name] : undefined) : fields.get(name);
}

/** The reader an object needs: none when it has its documented `id` key (camelCase). */
export function readerFor(source: Readonly<Record<string, unknown>>): CaseInsensitiveFields | undefined {
  return Object.hasOwn(source, 'id') ? undefined : new CaseInsensitiveFields(source);
}

export function textValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}

/** `result.result`, whether `result` is the documented object, a bare word (lenient), null or absent. */
export function resultWord(result: unknown): string | undefined {
  if (typeof result === 'string') return result;
  if (!isPlainRecord(result)) return undefined;
  return textValue(Object.hasOwn(result, 'result') ? result.result : new CaseInsensitiveFields(result).get('result'));
}

/** One SessionModel as a list row; undefined when its id is not a GUID. */
export function summariseBackupReplicationSession(source: Record<string, unknown>): RestoreSessionSummary | undefined {
  const f = readerFor(source);
  const rawId = textValue(fieldValue(source, f, 'id'));
  const id = rawId === undefined ? undefined : lowerCaseGuid(rawId);
  if (!id) return undefined;
  const rawState = sharedText(textValue(fieldValue(source, f, 'state')) ?? '');
  const state = backupReplicationState(rawState === '' ? undefined : rawState);
  const resultText = resultWord(fieldValue(source, f, 'result'));
  const rawResult = sharedText(resultText ?? '');
  const type = sharedText(textValue(fieldValue(source, f, 'sessionType')) ?? '');
  const label = sessionTypeLabel(type);
  const createdText = textValue(fieldValue(source, f, 'creationTime'));
  const created = serverTimeMs(createdText);
  // An end time only counts once the session is over (as for EM and VB365): a running session's is a placeholder.
  const endedText = state === 'finished' ? textValue(fieldValue(source, f, 'endTime')) : undefined;
  const ended = serverTimeMs(endedText);
  const initiatedBy = nonEmpty(textValue(fieldValue(source, f, 'initiatedBy')));
  // One literal with every field, in one order: all rows share one hidden class.
  return {
    kind: 'vbr',
    id,
    uid: undefined,
    name: nonEmpty(textValue(fieldValue(source, f, 'name'))) ?? `${label} session ${createdText ?? id}`,
    type,
    typeLabel: label,
    platform: backupReplicationPlatform(textValue(fieldValue(source, f, 'platformName'))),
    state,
    rawState,
    result: backupReplicationResult(resultText, state),
    rawResult,
    progress: readProgressPercent(source, f),
    creationTime: zonedIso(createdText, created),
    endTime: zonedIso(endedText, ended),
    durationMs: sameClockDuration(createdText, created, endedText, ended),
    initiatedBy: initiatedBy === undefined ? undefined : sharedText(initiatedBy),
    reason: undefined,
    vmDisplayName: undefined,
    restoredObject: undefined,
    creationTimeLocal: localText(createdText, created),
    endTimeLocal: localText(endedText, ended),
  };
}

/** `progressPercent` (all revisions), else the 1.3-rev2 `progress.progressPercent`. */
function readProgressPercent(source: Readonly<Record<string, unknown>>, f: CaseInsensitiveFields | undefined): number | undefined {
  const top = parseProgress(fieldValue(source, f, 'progressPercent'));
  if (top !== undefined) return top;
  const progress = fieldValue(source, f, 'progress');
  if (!isPlainRecord(progress)) return undefined;
  return parseProgress(Object.hasOwn(progress, 'progressPercent') ? progress.progressPercent : new CaseInsensitiveFields(progress).get('progressPercent'));
}

/** One SessionModel fetched on its own: the list row plus result message, job, parent, resource, progress and unknown fields. */
export function normaliseBackupReplicationSession(source: Record<string, unknown>, raw?: RawBody): RestoreSession | undefined {
  const summary = summariseBackupReplicationSession(source);
  if (!summary) return undefined;
  const f = new CaseInsensitiveFields(source);
  const unknown = f.unknownEntries(KNOWN);
  // VBR sessions have no UID and no links: the UID is synthesised (marked so), as for VB365.
  const session = fullSession(summary, { uid: uidForId(summary.id), uidSynthetic: true, links: [], extra: unknown.length > 0 ? safeRecord(unknown) : NO_EXTRA_FIELDS });
  // Optional fields are added only when present, never added and then deleted (a `delete` makes a slow dictionary).
  if (summary.creationTimeLocal !== undefined) session.creationTimeLocal = summary.creationTimeLocal;
  if (summary.endTimeLocal !== undefined) session.endTimeLocal = summary.endTimeLocal;
  const result = f.object('result');
  if (result) {
    const message = nonEmpty(result.string('message'));
    if (message !== undefined) session.resultMessage = message;
    const canceled = result.get('isCanceled');
    if (typeof canceled === 'boolean') session.isCanceled = canceled;
  }
  const parent = guidOrText(f.string('parentSessionId'));
  if (parent !== undefined) session.parentSessionId = parent;
  // 1.1-rev0's `activityId` is 1.2-rev1's `jobId`; some 1.3-rev1 examples carry both, and then jobId wins.
  const job = guidOrText(f.string('jobId')) ?? guidOrText(f.string('activityId'));
  if (job !== undefined) session.jobId = job;
  const resourceId = guidOrText(f.string('resourceId'));
  if (resourceId !== undefined) session.resourceId = resourceId;
  const resourceReference = nonEmpty(f.string('resourceReference'));
  if (resourceReference !== undefined) session.resourceReference = resourceReference;
  const progress = f.object('progress');
  if (progress) {
    const details = progressDetails(progress);
    if (details) session.progressDetails = details;
  }
  if (raw) session.raw = raw;
  return session;
}

/** The 1.3-rev2 `progress` object (sizes in bytes; `transferedSize` is how examples up to 1.3-rev1 spell one key). */
function progressDetails(p: CaseInsensitiveFields): SessionProgressDetails | undefined {
  const details: SessionProgressDetails = {};
  let any = false;
  for (const key of ['duration', 'processingRate', 'bottleneck'] as const) {
    const v = nonEmpty(p.string(key));
    if (v !== undefined) {
      details[key] = v;
      any = true;
    }
  }
  const sizes: Array<[keyof SessionProgressDetails & `${string}Size`, unknown]> = [
    ['processedSize', p.get('processedSize')],
    ['readSize', p.get('readSize')],
    ['transferredSize', p.get('transferredSize') ?? p.get('transferedSize')],
  ];
  for (const [key, value] of sizes) {
    const bytes = byteCount(value);
    if (bytes !== undefined) {
      details[key] = bytes;
      any = true;
    }
  }
  return any ? details : undefined;
}

function byteCount(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** A GUID in lower case, any other non-empty text as sent (ids the model only shows). */
function guidOrText(value: string | undefined): string | undefined {
  const text = nonEmpty(value);
  return text === undefined ? undefined : (lowerCaseGuid(text) ?? text);
}
