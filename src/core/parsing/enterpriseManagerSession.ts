import type { RawBody, RestoreSession, SessionLink } from '../model/restoreSession';
import { idFromUid, isGuid, uidForId } from '../model/restoreSessionUid';
import { microsoft365Platform, normaliseResult, normaliseState, platformFromHierarchyRef, typeLabel } from '../model/sessionVocabulary';
import { parseVeeamTimestamp, toIso } from '../model/veeamTimestamp';
import { CaseInsensitiveFields, isPlainRecord, safeRecord } from './caseInsensitiveFields';
import { parseProgress } from './progressValue';

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
  const href = f.string('Href');
  const id = idFromUid(uidRaw) ?? HREF_ID.exec(href ?? '')?.[1]?.toLowerCase();
  if (!id || !isGuid(id)) return undefined;

  const rawState = f.string('State') ?? '';
  const rawResult = f.string('Result') ?? '';
  const state = normaliseState(rawState);
  const created = parseVeeamTimestamp(f.get('CreationTimeUTC'));
  const ended = state === 'finished' ? parseVeeamTimestamp(f.get('EndTimeUTC')) : undefined;
  const type = f.string('JobType') ?? '';
  const restoredObject = nonEmpty(f.string('RestoredObjRef'));
  const vmDisplayName = nonEmpty(f.string('VmDisplayName'));
  const links = readLinks(f.get('Links'));

  const session: RestoreSession = {
    kind: 'em',
    id,
    uid: uidRaw && idFromUid(uidRaw) ? uidRaw : uidForId(id),
    uidSynthetic: !(uidRaw && idFromUid(uidRaw)),
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
    extra: safeRecord(f.unknownEntries(KNOWN)),
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
    const link: SessionLink = { rel: l.string('Rel') ?? '', href };
    const type = l.string('Type');
    const name = l.string('Name');
    if (type) link.type = type;
    if (name) link.name = name;
    links.push(link);
  }
  return links;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}
