import { SERVER_OFFSET_MINUTES, type VbrLogRecord, type VbrResult, type VbrSession, type VbrTaskSession } from './backupReplicationData';
import { atLeast, VBR_FEATURES, type VbrRevision } from './backupReplicationRevisions';
import type { JsonObject } from './microsoft365Json';
import { zonedTimestampText } from './simulatedTime';

type JsonValue = JsonObject[keyof JsonObject];

const ALL_ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** Digits below the millisecond, derived from the time itself so a session prints the same on every read. */
function subMsTicks(ms: number): number {
  return Math.abs(Math.imul(ms % 1_000_000_007, 2654435761)) % 10000;
}

function sessionTime(s: VbrSession, ms: number): string {
  return zonedTimestampText(ms, s.fractionDigits, subMsTicks(ms), s.utcTimes ? 'utc' : 'offset', SERVER_OFFSET_MINUTES);
}

/** `sessionType` as a revision prints it: `Job` before 1.2-rev1, and on the few sessions 1.2-rev1/1.3-rev0 examples show so. */
export function sessionTypeLabel(s: VbrSession, revision: VbrRevision): string {
  if (s.type !== 'BackupJob') return s.type;
  if (!atLeast(revision, VBR_FEATURES.jobId)) return 'Job';
  return s.showsAsJob && (revision === '1.2-rev1' || revision === '1.3-rev0') ? 'Job' : 'BackupJob';
}

/** `ActionRequired` exists from 1.3-rev2; older revisions see such a session as Working (simulator's choice). */
export function sessionStateLabel(s: VbrSession, revision: VbrRevision): string {
  return s.state === 'ActionRequired' && !atLeast(revision, VBR_FEATURES.progressObject) ? 'Working' : s.state;
}

function resultJson(r: VbrResult): JsonObject {
  return { result: r.result, message: r.message, isCanceled: r.isCanceled };
}

/**
 * `SessionModel` of a revision (Part E §5.1): key order as in the examples (sessionType, state, platformName, id, …);
 * absent values are `null` up to 1.3-rev0 and omitted from 1.3-rev1.
 */
export function sessionJson(s: VbrSession, revision: VbrRevision): JsonObject {
  const emitNulls = !atLeast(revision, VBR_FEATURES.omitAbsent);
  const jobEra = atLeast(revision, VBR_FEATURES.jobId);
  const out: JsonObject = {};
  const put = (key: string, value: JsonValue | undefined): void => {
    if (value !== undefined) out[key] = value;
    else if (emitNulls) out[key] = null;
  };
  out.sessionType = sessionTypeLabel(s, revision);
  out.state = sessionStateLabel(s, revision);
  if (jobEra) put('platformName', s.platformName);
  out.id = s.id;
  out.name = s.name;
  if (jobEra) out.jobId = s.jobId;
  else out.activityId = s.jobId;
  out.creationTime = sessionTime(s, s.creationMs);
  put('endTime', s.endMs === undefined ? undefined : sessionTime(s, s.endMs));
  out.progressPercent = s.progressPercent;
  // While running: null in the 1.1-rev0/1.2-rev1 examples, {"result":"None"} later.
  const running: VbrResult | undefined = atLeast(revision, VBR_FEATURES.arrayFilters) ? { result: 'None', message: '', isCanceled: false } : undefined;
  const result = s.result ?? running;
  if (result) out.result = resultJson(result);
  else out.result = null;
  put('resourceId', s.resource?.id);
  put('resourceReference', s.resource ? (atLeast(revision, VBR_FEATURES.vSpherePaths) ? s.resource.path : (s.resource.pathBeforeVSphere ?? s.resource.path)) : undefined);
  put('parentSessionId', s.parentSessionId);
  out.usn = s.usn;
  if (jobEra) put('platformId', s.platformName === undefined ? undefined : ALL_ZERO_UUID);
  if (atLeast(revision, VBR_FEATURES.arrayFilters)) put('initiatedBy', s.initiatedBy);
  if (atLeast(revision, VBR_FEATURES.progressObject)) {
    put('algorithm', s.algorithm);
    if (s.progress) {
      out.progress = {
        duration: duration(s.progress.durationMs),
        processingRate: s.progress.processingRate,
        bottleneck: s.progress.bottleneck,
        processedSize: s.progress.processedSize,
        readSize: s.progress.readSize,
        transferredSize: s.progress.transferredSize,
        progressPercent: s.progressPercent,
      };
    }
    put('originalSessionId', s.originalSessionId);
    if (s.retryNumber !== undefined) out.retryInfo = { isRecheckRetry: false, retryNumber: s.retryNumber };
  }
  return out;
}

/** `SessionLogRecordModel`: additionalInfo is a string up to 1.3-rev1 and an array of `{field, data}` in 1.3-rev2. */
export function logRecordJson(r: VbrLogRecord, revision: VbrRevision): JsonObject {
  const time = (ms: number): string => zonedTimestampText(ms, 7, subMsTicks(ms), 'offset', SERVER_OFFSET_MINUTES);
  return {
    id: r.id,
    status: r.status,
    startTime: time(r.startMs),
    updateTime: time(r.updateMs),
    title: r.title,
    description: r.description,
    additionalInfo: atLeast(revision, VBR_FEATURES.progressObject) ? r.info.map((i) => ({ field: i.field, data: i.data })) : r.info.map((i) => `${i.field}: ${i.data}`).join('; '),
  };
}

/** A Restore-type `TaskSessionModel`; its times carry no zone, as in the published examples. */
export function taskSessionJson(t: VbrTaskSession, s: VbrSession, revision: VbrRevision): JsonObject {
  const time = (ms: number): string => zonedTimestampText(ms, 6, subMsTicks(ms), 'none', SERVER_OFFSET_MINUTES);
  const out: JsonObject = { id: t.id, type: 'Restore', sessionId: s.id, sessionType: sessionTypeLabel(s, revision), creationTime: time(t.creationMs) };
  if (t.endMs !== undefined) out.endTime = time(t.endMs);
  else if (!atLeast(revision, VBR_FEATURES.omitAbsent)) out.endTime = null;
  Object.assign(out, { name: t.name, state: t.state, usn: t.usn, result: resultJson(t.result) });
  return out;
}

/** `Error` (Part E §7). */
export function vbrErrorJson(errorCode: string, message: string, resourceId?: string): JsonObject {
  return resourceId === undefined ? { errorCode, message } : { errorCode, message, resourceId };
}

/** `hh:mm:ss` as SessionProgress.duration. */
function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}
