import { fullSession, type RawBody, type RestoreSession, type RestoreSessionSummary, type SessionLink } from '../../model/restoreSession';
import { idFromUid, uidForId } from '../../model/restoreSessionUid';
import { normaliseResult, normaliseState } from '../../model/sessionVocabulary';
import { enterpriseManagerTypeLabel, platformFromHierarchyRef, servicePlatform } from './enterpriseManagerVocabulary';
import { parseVeeamTimestamp, toIso } from '../../model/veeamTimestamp';
import { CaseInsensitiveFields, isPlainRecord, NO_EXTRA_FIELDS, safeRecord } from '../../parsing/caseInsensitiveFields';
import { documentedString, documentedValue } from '../../parsing/documentedFields';
import { parseProgress } from '../../parsing/progressValue';
import { sharedText } from '../../parsing/sharedText';

// Lower-case names of the RestoreSession fields this version understands (A.6.1, plus the XSD's base-session extras).
const KNOWN = new Set([
  'href', 'type', 'name', 'uid', 'vmdisplayname', 'links', 'jobtype', 'creationtimeutc', 'endtimeutc',
  'state', 'result', 'progress', 'restoredobjref',
]);

const HREF_ID = /\/restoreSessions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/**
 * Normalises one EM RestoreSession entity or reference (XML element or JSON object: same field names), fetched on
 * its own: the list form plus links and unknown fields. Returns undefined when it carries no usable restore-session id.
 */
export function normaliseEnterpriseManagerSession(source: Record<string, unknown>, raw?: RawBody): RestoreSession | undefined {
  const summary = summariseEnterpriseManagerSession(source);
  if (!summary) return undefined;
  const f = new CaseInsensitiveFields(source);
  const session = fullSession(summary, {
    uid: summary.uid ?? uidForId(summary.id),
    uidSynthetic: summary.uid === undefined,
    links: readLinks(f.get('Links')),
    extra: extraFields(f),
  });
  if (raw) session.raw = raw;
  const href = f.get('Href');
  if (typeof href === 'string' && href) session.selfHref = href;
  return session;
}

/**
 * One EM RestoreSession as a list row (see RestoreSessionSummary). Field names as documented (PascalCase; EM 13
 * camelCase), any other casing as a fallback. Undefined when it carries no usable restore-session id.
 */
export function summariseEnterpriseManagerSession(source: Record<string, unknown>): RestoreSessionSummary | undefined {
  const uidRaw = documentedString(source, 'UID', 'uid');
  const uidId = idFromUid(uidRaw);
  const id = uidId ?? HREF_ID.exec(documentedString(source, 'Href', 'href') ?? '')?.[1]?.toLowerCase();
  // Both sources yield a GUID or nothing: idFromUid checks it, HREF_ID matches only the GUID form.
  if (!id) return undefined;

  const rawState = sharedText(documentedString(source, 'State', 'state') ?? '');
  const rawResult = sharedText(documentedString(source, 'Result', 'result') ?? '');
  const state = normaliseState(rawState);
  const created = parseVeeamTimestamp(documentedValue(source, 'CreationTimeUTC', 'creationTimeUTC'));
  const ended = state === 'finished' ? parseVeeamTimestamp(documentedValue(source, 'EndTimeUTC', 'endTimeUTC')) : undefined;
  const type = sharedText(documentedString(source, 'JobType', 'jobType') ?? '');
  const restoredObject = nonEmpty(documentedString(source, 'RestoredObjRef', 'restoredObjRef'));
  const vmDisplayName = nonEmpty(documentedString(source, 'VmDisplayName', 'vmDisplayName'));
  const platform = platformFromHierarchyRef(restoredObject);
  const result = normaliseResult(rawResult, state);
  // One literal with every field, in one order: all rows share one hidden class and keep their fields in-object.
  return {
    kind: 'em',
    id,
    uid: uidRaw && uidId ? uidRaw : undefined,
    name: documentedString(source, 'Name', 'name') ?? vmDisplayName ?? id,
    type,
    typeLabel: type ? enterpriseManagerTypeLabel(type) : '',
    platform: platform === 'unknown' ? servicePlatform(type) : platform,
    state,
    rawState,
    result,
    rawResult,
    progress: parseProgress(documentedValue(source, 'Progress', 'progress')),
    creationTime: toIso(created),
    endTime: toIso(ended),
    durationMs: created !== undefined && ended !== undefined && ended >= created ? ended - created : undefined,
    initiatedBy: undefined,
    reason: undefined,
    vmDisplayName,
    restoredObject,
  };
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
