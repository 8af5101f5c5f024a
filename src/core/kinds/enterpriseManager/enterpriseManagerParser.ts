import { VeeamError } from '../../errors';
import type { RawBody } from '../../model/restoreSession';
import { CaseInsensitiveFields, isPlainRecord, safeRecord } from '../../parsing/caseInsensitiveFields';
import { clippedText } from '../../parsing/clippedText';
import { describeItemTypes, notRestoreSessions } from '../../parsing/foreignDocument';
import { otherApiError } from '../serverKinds';
import { normaliseEnterpriseManagerSession, readLinks, summariseEnterpriseManagerSession } from './enterpriseManagerSession';
import type { ListPaging, ParsedDocument } from '../../parsing/parsedDocument';
import { parseJsonBody } from '../../parsing/jsonBody';
import { bodyTextForParsing } from '../../parsing/rawBody';
import { buildSessionList } from '../../parsing/sessionListBuilder';
import { errorFromVeeamErrorBody } from '../../parsing/veeamErrorBody';
import { parseXmlDocument } from '../../parsing/xmlDocument';

/**
 * Parses any Enterprise Manager response body (XML or JSON) into a ParsedDocument.
 * Error bodies throw their typed error; malformed bodies throw `malformedResponse`.
 */
export function parseEnterpriseManagerDocument(raw: RawBody): ParsedDocument {
  const text = bodyTextForParsing(raw.text);
  if (raw.format === 'xml') {
    const doc = parseXmlDocument(text);
    return interpret(doc.rootName, doc.root, raw);
  }
  const parsed = parseJsonBody(text);
  // Before the Type lookup: a Microsoft 365 session's `type` ("Vex") would pass for an EM root name.
  const otherApi = otherApiError('em', parsed, text);
  if (otherApi) throw otherApi;
  if (Array.isArray(parsed)) {
    requireRestoreSessions(parsed, 'a list');
    const { sessions, skipped } = buildSessionList(parsed, summariseEnterpriseManagerSession);
    return { kind: 'list', sessions, paging: undefined, skipped };
  }
  if (!isPlainRecord(parsed)) throw unrelated('a JSON value that is not an object');
  return interpret(jsonRootName(new CaseInsensitiveFields(parsed)), parsed, raw);
}

/** JSON has no root element: infer the XML root name from the `Type` property or the shape (A.4.2). */
function jsonRootName(f: CaseInsensitiveFields): string {
  const type = f.string('Type');
  if (type === 'RestoreSessionReference') return 'EntityRef';
  if (type) return type;
  if (f.has('Entities') || f.has('PagingInfo')) return 'QueryResult';
  if (f.has('Refs')) return 'EntityReferences';
  if (Array.isArray(f.get('RestoreSessions'))) return 'RestoreSessions';
  if (f.has('SessionId') && f.has('UserName')) return 'LogonSession';
  if (f.has('StatusCode') && f.has('Message')) return 'Error';
  if (f.has('SupportedVersions')) return 'EnterpriseManager';
  // An entity list (`?format=Entity`) is one array under its plural name, like the XML root (`{"Jobs": [...]}`).
  const keys = Object.keys(f.source);
  if (keys.length === 1 && Array.isArray(f.source[keys[0]])) return keys[0];
  return 'Object';
}

function interpret(rootName: string, root: Record<string, unknown>, raw: RawBody): ParsedDocument {
  const f = new CaseInsensitiveFields(root);
  switch (rootName) {
    case 'Error':
      throw errorFromVeeamErrorBody(f);
    case 'RestoreSession': {
      const session = normaliseEnterpriseManagerSession(root, raw);
      if (!session) throw unrelated('a RestoreSession without an id');
      return { kind: 'session', session };
    }
    case 'EntityRef': {
      const type = f.string('Type') ?? '';
      // Named by its Type ("JobReference"), which says what it is; "EntityRef" does not.
      if (type !== 'RestoreSessionReference') return other(type ? clippedText(type, 80) : rootName, root);
      const session = normaliseEnterpriseManagerSession(root, raw);
      if (!session) throw unrelated('a restore session reference without an id');
      return { kind: 'session', session };
    }
    case 'RestoreSessions': {
      const items = f.list('RestoreSession').length ? f.list('RestoreSession') : f.list('RestoreSessions');
      requireRestoreSessions(items, 'a list');
      return list(items, undefined);
    }
    case 'EntityReferences':
      return list(restoreSessionRefs(f, 'a list'), undefined);
    case 'QueryResult':
      return queryResult(f);
    case 'LogonSession': {
      const sessionId = f.string('SessionId');
      if (!sessionId) throw unrelated('a LogonSession without a SessionId');
      return { kind: 'logon', sessionId, userName: f.string('UserName') ?? '' };
    }
    default:
      if (isEntityList(rootName, root)) throw notRestoreSessions(`a list of ${clippedText(rootName, 80)}`);
      if (!looksVeeam(rootName, f)) throw unrelated(`a "${clippedText(rootName, 80)}" document`);
      return other(rootName, root);
  }
}

function queryResult(f: CaseInsensitiveFields): ParsedDocument {
  const paging = readPaging(f.object('PagingInfo'));
  const entities = f.object('Entities');
  if (entities) {
    // XML: Entities/RestoreSessions/RestoreSession[]; JSON: Entities.RestoreSessions.RestoreSessions[] (same-name wrapper).
    const foreign = Object.keys(entities.source).filter((k) => k.toLowerCase() !== 'restoresessions' && !k.toLowerCase().startsWith('xmlns'));
    if (!entities.has('RestoreSessions') && foreign.length > 0) throw notRestoreSessions(`a query result of ${foreign.map((k) => clippedText(k, 60)).slice(0, 3).join(', ')}`);
    const wrapper = entities.get('RestoreSessions');
    let items: unknown[] = [];
    if (Array.isArray(wrapper)) items = wrapper;
    else if (isPlainRecord(wrapper)) {
      const w = new CaseInsensitiveFields(wrapper);
      items = w.list('RestoreSession').length ? w.list('RestoreSession') : w.list('RestoreSessions');
    }
    requireRestoreSessions(items, 'a query result');
    return list(items, paging);
  }
  return list(restoreSessionRefs(f, 'a query result'), paging);
}

function restoreSessionRefs(f: CaseInsensitiveFields, container: string): unknown[] {
  const refs = f.get('Refs');
  const items = Array.isArray(refs) ? refs : isPlainRecord(refs) ? new CaseInsensitiveFields(refs).list('Ref') : f.list('Ref');
  requireRestoreSessions(items, container);
  return items.filter((r) => isPlainRecord(r) && String(new CaseInsensitiveFields(r).string('Type') ?? 'RestoreSessionReference') === 'RestoreSessionReference');
}

const RESTORE_SESSION_TYPES = new Set(['restoresession', 'restoresessionreference']);
const RESTORE_SESSION_HREF = /\/restoreSessions\/[^/?#]+/i;

/**
 * A non-empty list must hold at least one item that says it is a restore session (its Type, or untyped its UID or
 * Href): a list of jobs or backup servers is refused by name, not read as "no restore sessions". Empty stays empty.
 */
function requireRestoreSessions(items: unknown[], container: string): void {
  if (items.length === 0 || items.some(isRestoreSessionItem)) return;
  const types = items.flatMap((item) => {
    if (!isPlainRecord(item)) return [];
    const f = new CaseInsensitiveFields(item);
    const type = f.string('Type') ?? /^urn:veeam:([^:]+):/i.exec(f.string('UID') ?? '')?.[1];
    return type ? [type] : [];
  });
  throw notRestoreSessions(`${container} of ${describeItemTypes(types)}`);
}

function isRestoreSessionItem(item: unknown): boolean {
  if (!isPlainRecord(item)) return false;
  const f = new CaseInsensitiveFields(item);
  const type = f.string('Type');
  if (type) return RESTORE_SESSION_TYPES.has(type.toLowerCase());
  return (f.string('UID') ?? '').toLowerCase().startsWith('urn:veeam:restoresession:') || RESTORE_SESSION_HREF.test(f.string('Href') ?? '');
}

/** `<Jobs><Job …/>…</Jobs>` / `{"Jobs": [...]}`: an entity list of another type (the plural root holds only its items). */
function isEntityList(rootName: string, root: Record<string, unknown>): boolean {
  const keys = Object.keys(root).filter((k) => !k.toLowerCase().startsWith('xmlns'));
  return /[a-z]s$/i.test(rootName) && keys.length === 1 && (Array.isArray(root[keys[0]]) || isPlainRecord(root[keys[0]]));
}

function list(items: unknown[], paging: ListPaging | undefined): ParsedDocument {
  const { sessions, skipped } = buildSessionList(items, summariseEnterpriseManagerSession);
  return { kind: 'list', sessions, paging, skipped };
}

function readPaging(p: CaseInsensitiveFields | undefined): ListPaging | undefined {
  if (!p) return undefined;
  const page = positiveInt(p.string('PageNum')) ?? 1;
  const pageSize = positiveInt(p.string('PageSize')) ?? 0;
  const pagesCount = nonNegativeInt(p.string('PagesCount'));
  const next = readLinks(p.get('Links')).find((l) => l.rel.toLowerCase() === 'next');
  // `Next` is authoritative when links are present; otherwise compare with PagesCount (0 = empty result).
  const hasLinks = p.has('Links') && p.get('Links') !== null;
  const hasNext = next !== undefined || (!hasLinks && pagesCount !== undefined && page < pagesCount);
  const paging: ListPaging = { page, pageSize, hasNext };
  if (pagesCount !== undefined) paging.pagesCount = pagesCount;
  if (next) paging.nextHref = next.href;
  return paging;
}

function positiveInt(s: string | undefined): number | undefined {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function nonNegativeInt(s: string | undefined): number | undefined {
  const n = Number(s);
  return s !== undefined && s !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function other(rootName: string, root: Record<string, unknown>): ParsedDocument {
  return { kind: 'other', rootName, data: safeRecord(Object.entries(root)) };
}

/** EM documents carry Href/Type/Links or are one of the known entry points; anything else is not from EM. */
function looksVeeam(rootName: string, f: CaseInsensitiveFields): boolean {
  return f.has('Href') || f.has('Links') || f.has('UID') || ['EnterpriseManager', 'QuerySvc', 'LogonSessions', 'Task'].includes(rootName);
}

function unrelated(what: string): VeeamError {
  return new VeeamError('malformedResponse', `The response is not an Enterprise Manager restore-session document (got ${what}).`, {
    detail: what,
  });
}
