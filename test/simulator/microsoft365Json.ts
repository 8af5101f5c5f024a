import type { M365Event, M365RestoreSession } from './microsoft365Data';

/** JSON shapes of the VB365 API by version (B.1.1, B.3, B.5). */
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Hrefs are absolute before v6 and server-relative from v6 on (B.3). */
export function hrefFor(version: number, origin: string, path: string): string {
  return version >= 6 ? path : `${origin}${path}`;
}

export function sessionJson(s: M365RestoreSession, version: number, origin: string): JsonObject {
  const self = `/v${version}/restoresessions/${s.id}`;
  const links: JsonObject = { self: { href: hrefFor(version, origin, self) }, organization: { href: hrefFor(version, origin, `${self}/organization`) } };
  if (version >= 6) links.events = { href: hrefFor(version, origin, `${self}/events`) };
  if (version <= 3) {
    // v3 examples omit endTime and result while the session is working.
    const out: JsonObject = { id: s.id, type: s.type, creationTime: s.creation.text };
    if (s.end) out.endTime = s.end.text;
    out.state = s.state;
    if (s.state === 'Stopped') out.result = s.result;
    out._links = links;
    return out;
  }
  if (version <= 5) {
    return { id: s.id, type: s.type, creationTime: s.creation.text, endTime: s.end?.text ?? null, state: s.state, result: s.result, _links: links };
  }
  const out: JsonObject = {
    id: s.id,
    name: s.name,
    organization: s.organization,
    type: s.type,
    creationTime: s.creation.text,
    endTime: s.end?.text ?? null,
    state: s.state,
    result: s.result,
    initiatedBy: s.initiatedBy,
    details: s.details,
    scopeName: s.scopeName,
    clientHost: s.clientHost,
    reason: s.reason,
  };
  if (version >= 8) out.eTag = s.eTag;
  out._links = links;
  return out;
}

export function eventJson(e: M365Event, s: M365RestoreSession, version: number, origin: string): JsonObject {
  const sessionPath = `/v${version}/restoresessions/${s.id}`;
  const out: JsonObject = {
    id: e.id,
    type: e.type,
    status: e.status,
    startTime: e.start.text,
    endTime: e.end?.text ?? null,
    duration: e.duration,
    title: e.title,
    message: e.message,
    order: e.order,
  };
  if (version >= 3) Object.assign(out, { itemName: e.itemName, itemType: e.itemType, itemSizeBytes: e.itemSizeBytes, source: e.source, target: e.target });
  if (version >= 8) Object.assign(out, { organizationId: null, backedUpOrganizationId: null, userId: null, groupId: null, siteId: null, teamId: null });
  out._links = { self: { href: hrefFor(version, origin, `${sessionPath}/events/${e.id}`) }, restoreSession: { href: hrefFor(version, origin, sessionPath) } };
  return out;
}

/** RESTExceptionInfo: `message`, plus `errorCode` from v7 and `stackTrace` in v8. */
export function errorJson(version: number, message: string, errorCode: string | null = null): JsonObject {
  if (version >= 8) return { message, errorCode, stackTrace: null };
  if (version >= 7) return { message, errorCode };
  return { message };
}

export interface PageRequest {
  offset: number;
  limit: number;
  /** Path of the collection in canonical casing, e.g. `/v8/RestoreSessions`. */
  path: string;
  /** Extra query parameters to repeat in the paging links (filters, order). */
  extra: string[];
}

/** A page object (`PageOfRESTRestoreSession` etc.): `_links` self/first/prev/next, never `last`. */
export function pageJson(version: number, origin: string, request: PageRequest, total: number, results: JsonObject[], setId: string): JsonObject {
  const href = (offset: number): JsonObject => ({ href: hrefFor(version, origin, `${request.path}?${[...request.extra, `offset=${offset}`, `limit=${request.limit}`].join('&')}`) });
  const links: JsonObject = { self: href(request.offset) };
  if (request.offset > 0) {
    links.first = href(0);
    links.prev = href(Math.max(0, request.offset - request.limit));
  }
  if (request.offset + request.limit < total) links.next = href(request.offset + request.limit);
  const out: JsonObject = { offset: request.offset, limit: request.limit, setId };
  if (version === 6 || version === 7) out.totalCount = total;
  out.results = results;
  out._links = links;
  return out;
}
