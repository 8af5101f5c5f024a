import type { RawBody, RestoreSession, SessionLink } from '../model/restoreSession';
import { idFromUid, uidForId } from '../model/restoreSessionUid';
import { microsoft365Platform, normaliseResult, normaliseState, platformFromHierarchyRef, typeLabel } from '../model/sessionVocabulary';
import { parseVeeamTimestamp, toIso } from '../model/veeamTimestamp';
import { CaseInsensitiveFields, isPlainRecord, NO_EXTRA_FIELDS, safeRecord } from './caseInsensitiveFields';
import { parseProgress } from './progressValue';
import { sharedText } from './sharedText';

// Lower-case names of the RestoreSession fields this version understands (A.6.1, plus the XSD's base-session extras).
const KNOWN = new Set([
  'href', 'type', 'name', 'uid', 'vmdisplayname', 'links', 'jobtype', 'creationtimeutc', 'endtimeutc',
  'state', 'result', 'progress', 'restoredobjref',
]);

const HREF_ID = /\/restoreSessions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/**
 * Normalises one EM RestoreSession entity or reference (XML element or JSON object: same field names).
 * Returns undefined when the object carries no usable restore-session id.
 */
export function normaliseEnterpriseManagerSession(source: Record<string, unknown>, raw?: RawBody): RestoreSession | undefined {
  const f = new CaseInsensitiveFields(source);
  const uidRaw = f.string('UID');
  const uidId = idFromUid(uidRaw);
  const id = uidId ?? HREF_ID.exec(f.string('Href') ?? '')?.[1]?.toLowerCase();
  // Both sources yield a GUID or nothing: idFromUid checks it, HREF_ID matches only the GUID form.
  if (!id) return undefined;

  const rawState = sharedText(f.string('State') ?? '');
  const rawResult = sharedText(f.string('Result') ?? '');
  const state = normaliseState(rawState);
  const created = parseVeeamTimestamp(f.get('CreationTimeUTC'));
  const ended = state === 'finished' ? parseVeeamTimestamp(f.get('EndTimeUTC')) : undefined;
  const type = sharedText(f.string('JobType') ?? '');
  const restoredObject = nonEmpty(f.string('RestoredObjRef'));
  const vmDisplayName = nonEmpty(f.string('VmDisplayName'));
  const links = readLinks(f.get('Links'));

  const session: RestoreSession = {
    kind: 'em',
    id,
    uid: uidRaw && uidId ? uidRaw : uidForId(id),
    uidSynthetic: !(uidRaw && uidId),
    name: f.string('Name') ?? vmDisplayName ?? id,
    type,
    typeLabel: type ? typeLabel(type) : '',
    platform: platformFromHierarchyRef(restoredObject),
    state,
    rawState,
    result: normaliseResult(rawResult, state),
    rawResult,
    progress: parseProgress(f.get('Progress')),
    creationTime: toIso(created),
    endTime: toIso(ended),
    durationMs: created !== undefined && ended !== undefined && ended >= created ? ended - created : undefined,
    vmDisplayName,
    restoredObject,
    links,
    extra: extraFields(f),
  };
  if (session.platform === 'unknown') session.platform = microsoft365Platform(type);
  if (raw) session.raw = raw;
  return session;
}

/** XML gives `Links: { Link: [...] }`, JSON gives `Links: [...]`. */
export function readLinks(value: unknown): SessionLink[] {
  let items: unknown[] = [];
  if (Array.isArray(value)) items = value;
  else if (isPlainRecord(value)) items = new CaseInsensitiveFields(value).list('Link');
  const links: SessionLink[] = [];
  for (const item of items) {
    if (!isPlainRecord(item)) continue;
    const l = new CaseInsensitiveFields(item);
    const href = l.string('Href');
    if (!href) continue;
    const rel = sharedText(l.string('Rel') ?? '');
    // The parent (backup server) link is the same on every session of a server; the others name this session.
    const parent = rel.toLowerCase() === 'up';
    const link: SessionLink = { rel, href: parent ? sharedText(href) : href };
    const type = l.string('Type');
    const name = l.string('Name');
    if (type) link.type = sharedText(type);
    if (name) link.name = parent ? sharedText(name) : name;
    links.push(link);
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
