import type { RawBody, RestoreSession, RestoreSessionEvent, SessionLink } from '../model/restoreSession';
import { isGuid, uidForId } from '../model/restoreSessionUid';
import { microsoft365Platform, normaliseResult, normaliseState, typeLabel } from '../model/sessionVocabulary';
import { parseVeeamTimestamp, toIso } from '../model/veeamTimestamp';
import { sharedText } from './sharedText';
import { CaseInsensitiveFields, isPlainRecord, NO_EXTRA_FIELDS, safeRecord } from './caseInsensitiveFields';

const KNOWN = new Set([
  'id', 'name', 'organization', 'type', 'creationtime', 'endtime', 'state', 'result', 'initiatedby',
  'details', 'scopename', 'clienthost', 'reason', '_links',
]);

/** Normalises one VB365 RESTRestoreSession; undefined when it has no GUID id. */
export function normaliseMicrosoft365Session(source: Record<string, unknown>, raw?: RawBody): RestoreSession | undefined {
  const f = new CaseInsensitiveFields(source);
  const id = f.string('id');
  if (!id || !isGuid(id)) return undefined;
  const rawState = sharedText(f.string('state') ?? '');
  const rawResult = sharedText(f.string('result') ?? '');
  const state = normaliseState(rawState);
  const created = parseVeeamTimestamp(f.get('creationTime'));
  const ended = state === 'finished' ? parseVeeamTimestamp(f.get('endTime')) : undefined;
  const type = sharedText(f.string('type') ?? '');
  // Organisation, operator, host and scope repeat across a server's sessions: one copy each.
  const organization = shared(nonEmpty(f.string('organization')));
  // Optional fields are added only when present, never added and then deleted: a `delete` turns the object into
  // a slow dictionary and made each listed session half again as large in memory.
  const optional: Pick<RestoreSession, 'initiatedBy' | 'reason' | 'clientHost' | 'scopeName' | 'details' | 'organization' | 'restoredObject'> = {};
  const initiatedBy = shared(nonEmpty(f.string('initiatedBy')));
  const reason = nonEmpty(f.string('reason'));
  const clientHost = shared(nonEmpty(f.string('clientHost')));
  const scopeName = shared(nonEmpty(f.string('scopeName')));
  const details = nonEmpty(f.string('details'));
  if (initiatedBy !== undefined) optional.initiatedBy = initiatedBy;
  if (reason !== undefined) optional.reason = reason;
  if (clientHost !== undefined) optional.clientHost = clientHost;
  if (scopeName !== undefined) optional.scopeName = scopeName;
  if (details !== undefined) optional.details = details;
  if (organization !== undefined) {
    optional.organization = organization;
    optional.restoredObject = organization;
  }
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
    ...optional,
    links: readHalLinks(f.get('_links')),
    extra: extraFields(f),
  };
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

/** Fields this version does not know, kept verbatim (the shared empty record when there are none). */
function extraFields(f: CaseInsensitiveFields): Record<string, unknown> {
  const unknown = f.unknownEntries(KNOWN);
  return unknown.length > 0 ? safeRecord(unknown) : NO_EXTRA_FIELDS;
}

function shared(text: string | undefined): string | undefined {
  return text === undefined ? undefined : sharedText(text);
}
