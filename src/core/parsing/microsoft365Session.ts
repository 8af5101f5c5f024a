import type { RawBody, RestoreSession, RestoreSessionEvent, SessionLink } from '../model/restoreSession';
import { isGuid, uidForId } from '../model/restoreSessionUid';
import { microsoft365Platform, normaliseResult, normaliseState, typeLabel } from '../model/sessionVocabulary';
import { parseVeeamTimestamp, toIso } from '../model/veeamTimestamp';
import { CaseInsensitiveFields, isPlainRecord, safeRecord } from './caseInsensitiveFields';

const KNOWN = new Set([
  'id', 'name', 'organization', 'type', 'creationtime', 'endtime', 'state', 'result', 'initiatedby',
  'details', 'scopename', 'clienthost', 'reason', '_links',
]);

/** Normalises one VB365 RESTRestoreSession; undefined when it has no GUID id. */
export function normaliseMicrosoft365Session(source: Record<string, unknown>, raw?: RawBody): RestoreSession | undefined {
  const f = new CaseInsensitiveFields(source);
  const id = f.string('id');
  if (!id || !isGuid(id)) return undefined;
  const rawState = f.string('state') ?? '';
  const rawResult = f.string('result') ?? '';
  const state = normaliseState(rawState);
  const created = parseVeeamTimestamp(f.get('creationTime'));
  const ended = state === 'finished' ? parseVeeamTimestamp(f.get('endTime')) : undefined;
  const type = f.string('type') ?? '';
  const organization = nonEmpty(f.string('organization'));
  const session: RestoreSession = {
    kind: 'vb365',
    id: id.toLowerCase(),
    uid: uidForId(id.toLowerCase()),
    uidSynthetic: true,
    // Sessions before v6 have no name: describe them by service and start time.
    name: nonEmpty(f.string('name')) ?? `${type ? typeLabel(type) : 'Restore'} session ${f.string('creationTime') ?? id}`,
    type,
    typeLabel: type ? typeLabel(type) : '',
    platform: microsoft365Platform(type),
    state,
    rawState,
    result: normaliseResult(rawResult, state),
    rawResult,
    progress: undefined,
    creationTime: toIso(created),
    endTime: toIso(ended),
    durationMs: created !== undefined && ended !== undefined && ended >= created ? ended - created : undefined,
    initiatedBy: nonEmpty(f.string('initiatedBy')),
    reason: nonEmpty(f.string('reason')),
    clientHost: nonEmpty(f.string('clientHost')),
    scopeName: nonEmpty(f.string('scopeName')),
    details: nonEmpty(f.string('details')),
    organization,
    restoredObject: organization,
    links: readHalLinks(f.get('_links')),
    extra: safeRecord(f.unknownEntries(KNOWN)),
  };
  for (const key of ['initiatedBy', 'reason', 'clientHost', 'scopeName', 'details', 'organization', 'restoredObject'] as const) {
    if (session[key] === undefined) delete session[key];
  }
  if (raw) session.raw = raw;
  return session;
}


export function normaliseMicrosoft365Event(source: Record<string, unknown>): RestoreSessionEvent | undefined {
  const f = new CaseInsensitiveFields(source);
  const id = f.string('id');
  if (!id) return undefined;
  const order = Number(f.string('order'));
  const event: RestoreSessionEvent = {
    id,
    type: f.string('type') ?? '',
    status: f.string('status') ?? '',
    title: f.string('title') ?? '',
    message: f.string('message') ?? '',
    order: Number.isFinite(order) ? order : Number.MAX_SAFE_INTEGER,
    startTime: toIso(parseVeeamTimestamp(f.get('startTime'))),
    endTime: toIso(parseVeeamTimestamp(f.get('endTime'))),
  };
  for (const key of ['duration', 'itemName', 'itemType', 'source', 'target'] as const) {
    const v = nonEmpty(f.string(key));
    if (v !== undefined) event[key] = v;
  }
  return event;
}

/** HAL `_links`: `{ rel: { href } }` → links, unknown rels kept. */
export function readHalLinks(value: unknown): SessionLink[] {
  if (!isPlainRecord(value)) return [];
  const links: SessionLink[] = [];
  for (const [rel, target] of Object.entries(value)) {
    if (isPlainRecord(target) && typeof target.href === 'string') links.push({ rel, href: target.href });
  }
  return links;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}
