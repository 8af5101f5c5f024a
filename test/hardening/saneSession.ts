import * as assert from 'assert';
import { isFullSession, type RestoreSessionSummary } from '../../src/core/model/restoreSession';
import { isGuid, UID_PREFIX } from '../../src/core/model/restoreSessionUid';

const STATES = new Set(['running', 'stopping', 'finished', 'unknown']);
const RESULTS = new Set(['pending', 'success', 'warning', 'failed', 'unknown']);
const PLATFORMS = new Set(['vSphere', 'Cloud Director', 'Hyper-V', 'Exchange', 'OneDrive', 'SharePoint', 'Teams', 'unknown']);

function isIsoOrUndefined(value: string | undefined): boolean {
  if (value === undefined) return true;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString() === value;
}

/** Every model field within its declared type and range, whatever the server sent (list rows and fetched sessions). */
export function assertSaneSession(s: RestoreSessionSummary): void {
  assert.ok(isGuid(s.id) && s.id === s.id.toLowerCase(), `id ${s.id}`);
  // The server's UID is kept verbatim when it names the same GUID; a synthesised one has the standard prefix.
  if (s.uid !== undefined) assert.ok(s.uid.toLowerCase().endsWith(`:${s.id}`), `uid ${s.uid}`);
  if (isFullSession(s)) assert.ok(!s.uidSynthetic || s.uid === `${UID_PREFIX}${s.id}`, `uid ${s.uid}`);
  assert.ok(STATES.has(s.state), `state ${s.state}`);
  assert.ok(RESULTS.has(s.result), `result ${s.result}`);
  // Backup & Replication's platformName is an open vocabulary: an unmapped name is kept as sent, never empty.
  assert.ok(s.kind === 'vbr' ? typeof s.platform === 'string' && s.platform.trim() !== '' : PLATFORMS.has(s.platform), `platform ${String(s.platform)}`);
  assert.ok(s.progress === undefined || (Number.isInteger(s.progress) && s.progress >= 0 && s.progress <= 100 && !Object.is(s.progress, -0)), `progress ${String(s.progress)}`);
  assert.ok(isIsoOrUndefined(s.creationTime), `creationTime ${String(s.creationTime)}`);
  assert.ok(isIsoOrUndefined(s.endTime), `endTime ${String(s.endTime)}`);
  // A zone-less time is kept as server-local text instead, never both: it must not pass for UTC.
  assert.ok(s.creationTimeLocal === undefined || (s.creationTime === undefined && !/(?:Z|[+-]\d{2}:\d{2})$/i.test(s.creationTimeLocal.trim())), `creationTimeLocal ${String(s.creationTimeLocal)}`);
  assert.ok(s.endTimeLocal === undefined || (s.endTime === undefined && !/(?:Z|[+-]\d{2}:\d{2})$/i.test(s.endTimeLocal.trim())), `endTimeLocal ${String(s.endTimeLocal)}`);
  assert.ok(s.durationMs === undefined || (Number.isFinite(s.durationMs) && s.durationMs >= 0), `durationMs ${String(s.durationMs)}`);
  for (const text of [s.name, s.type, s.typeLabel, s.rawState, s.rawResult]) assert.strictEqual(typeof text, 'string');
  if (!isFullSession(s)) return;
  assert.ok(Array.isArray(s.links) && s.links.every((l) => typeof l.rel === 'string' && typeof l.href === 'string' && l.href !== ''));
  assert.strictEqual(Object.getPrototypeOf(s.extra), null, 'unknown fields live in a prototype-free record');
}
