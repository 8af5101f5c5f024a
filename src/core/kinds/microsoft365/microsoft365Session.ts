import { fullSession, type RawBody, type RestoreSession, type RestoreSessionEvent, type RestoreSessionSummary, type SessionLink } from '../../model/restoreSession';
import { lowerCaseGuid, uidForId } from '../../model/restoreSessionUid';
import { normaliseResult, normaliseState } from '../../model/sessionVocabulary';
import { microsoft365Platform, microsoft365TypeLabel } from './microsoft365Vocabulary';
import { parseVeeamTimestamp, toIso } from '../../model/veeamTimestamp';
import { documentedString, documentedValue } from '../../parsing/documentedFields';
import { sharedText } from '../../parsing/sharedText';
import { CaseInsensitiveFields, isPlainRecord, NO_EXTRA_FIELDS, safeRecord } from '../../parsing/caseInsensitiveFields';

const KNOWN = new Set([
  'id', 'name', 'organization', 'type', 'creationtime', 'endtime', 'state', 'result', 'initiatedby',
  'details', 'scopename', 'clienthost', 'reason', '_links',
]);

/** Normalises one VB365 RESTRestoreSession fetched on its own: the list form plus everything else; undefined without a GUID id. */
export function normaliseMicrosoft365Session(source: Record<string, unknown>, raw?: RawBody): RestoreSession | undefined {
  const summary = summariseMicrosoft365Session(source);
  if (!summary) return undefined;
  const f = new CaseInsensitiveFields(source);
  const session = fullSession(summary, { uid: uidForId(summary.id), uidSynthetic: true, links: readHalLinks(f.get('_links')), extra: extraFields(f) });
  // Optional fields are added only when present, never added and then deleted: a `delete` turns the object into
  // a slow dictionary.
  const clientHost = shared(nonEmpty(f.string('clientHost')));
  const scopeName = shared(nonEmpty(f.string('scopeName')));
  const details = nonEmpty(f.string('details'));
  if (clientHost !== undefined) session.clientHost = clientHost;
  if (scopeName !== undefined) session.scopeName = scopeName;
  if (details !== undefined) session.details = details;
  if (summary.restoredObject !== undefined) session.organization = summary.restoredObject;
  if (raw) session.raw = raw;
  return session;
}

/**
 * One VB365 RESTRestoreSession as a list row (see RestoreSessionSummary): camelCase names as documented, any other
 * casing as a fallback. Undefined when it has no GUID id.
 */
export function summariseMicrosoft365Session(source: Record<string, unknown>): RestoreSessionSummary | undefined {
  const rawId = documentedString(source, 'id');
  const id = rawId === undefined ? undefined : lowerCaseGuid(rawId);
  if (!id) return undefined;
  const rawState = sharedText(documentedString(source, 'state') ?? '');
  const rawResult = sharedText(documentedString(source, 'result') ?? '');
  const state = normaliseState(rawState);
  const created = parseVeeamTimestamp(documentedValue(source, 'creationTime'));
  const ended = state === 'finished' ? parseVeeamTimestamp(documentedValue(source, 'endTime')) : undefined;
  const type = sharedText(documentedString(source, 'type') ?? '');
  const label = type ? microsoft365TypeLabel(type) : '';
  // Organisation and operator repeat across a server's sessions: one copy each.
  const organization = shared(nonEmpty(documentedString(source, 'organization')));
  // One literal with every field, in one order: all rows share one hidden class and keep their fields in-object.
  return {
    kind: 'vb365',
    id,
    uid: undefined,
    // Sessions before v6 have no name: describe them by service and start time.
    name: nonEmpty(documentedString(source, 'name')) ?? `${label || 'Restore'} session ${documentedString(source, 'creationTime') ?? id}`,
    type,
    typeLabel: label,
    platform: microsoft365Platform(type),
    state,
    rawState,
    result: normaliseResult(rawResult, state),
    rawResult,
    progress: undefined,
    creationTime: toIso(created),
    endTime: toIso(ended),
    durationMs: created !== undefined && ended !== undefined && ended >= created ? ended - created : undefined,
    initiatedBy: shared(nonEmpty(documentedString(source, 'initiatedBy'))),
    reason: nonEmpty(documentedString(source, 'reason')),
    vmDisplayName: undefined,
    restoredObject: organization,
  };
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
