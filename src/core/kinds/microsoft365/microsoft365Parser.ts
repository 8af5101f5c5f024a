import { VeeamError } from '../../errors';
import type { RawBody } from '../../model/restoreSession';
import { CaseInsensitiveFields, isPlainRecord, safeRecord } from '../../parsing/caseInsensitiveFields';
import { clippedText } from '../../parsing/clippedText';
import { notRestoreSessions } from '../../parsing/foreignDocument';
import { otherApiError } from '../serverKinds';
import { parseJsonBody } from '../../parsing/jsonBody';
import { normaliseMicrosoft365Event, normaliseMicrosoft365Session, readHalLinks, summariseMicrosoft365Session } from './microsoft365Session';
import type { ListPaging, ParsedDocument } from '../../parsing/parsedDocument';
import { bodyTextForParsing } from '../../parsing/rawBody';
import { buildSessionList } from '../../parsing/sessionListBuilder';

/** What the caller asked for, to read an empty page correctly (an empty `results` could be either). */
export type Microsoft365Expectation = 'sessions' | 'events';

/**
 * Parses a VB365 response body: a session, a session list (v3 bare array or v4+ page object), an
 * events page, or a token. Error bodies (RESTExceptionInfo, OAuth errors) throw typed errors.
 */
export function parseMicrosoft365Document(raw: RawBody, expect: Microsoft365Expectation = 'sessions'): ParsedDocument {
  if (raw.format !== 'json') {
    // Enterprise Manager's XML carries its namespace or its Href/Type attributes: say which API it is.
    const otherApi = otherApiError('vb365', undefined, raw.text);
    if (otherApi) throw otherApi;
    throw new VeeamError('malformedResponse', 'The Microsoft 365 server sent XML; its REST API answers JSON. Check the URL and port (4443).', {
      detail: `content-type=${raw.contentType}`,
    });
  }
  const parsed = parseJsonBody(bodyTextForParsing(raw.text));
  const otherApi = otherApiError('vb365', parsed, raw.text);
  if (otherApi) throw otherApi;
  if (Array.isArray(parsed)) return sessionList(parsed, undefined);
  if (!isPlainRecord(parsed)) throw unrelated('a JSON value that is not an object or array');
  const f = new CaseInsensitiveFields(parsed);

  if (f.has('access_token')) {
    const accessToken = f.string('access_token');
    if (!accessToken) throw unrelated('a token response without access_token');
    const expires = Number(f.string('expires_in'));
    return {
      kind: 'token',
      accessToken,
      refreshToken: f.string('refresh_token'),
      expiresInSeconds: Number.isFinite(expires) && expires > 0 ? expires : undefined,
    };
  }
  if (f.has('error') && !f.has('id')) {
    // Server text goes into notifications and logs: one line, bounded.
    const message = clippedText(f.string('error_description') ?? f.string('error') ?? 'unknown error', 500);
    throw new VeeamError('authFailed', `The Microsoft 365 server refused the sign-in: ${message}`, { veeamMessage: message });
  }
  const results = f.get('results');
  if (Array.isArray(results)) {
    const paging = readPaging(f, results.length);
    const isEvents = expect === 'events' || (results.length > 0 && isPlainRecord(results[0]) && 'order' in results[0] && !('creationTime' in results[0]));
    if (isEvents) {
      const events = results.flatMap((r) => (isPlainRecord(r) ? [normaliseMicrosoft365Event(r)] : [])).filter((e) => e !== undefined);
      events.sort((a, b) => a.order - b.order);
      return { kind: 'events', events, paging };
    }
    return sessionList(results, paging);
  }
  if (f.has('message') && !f.has('id')) {
    const message = clippedText(f.string('message') ?? '', 500);
    throw new VeeamError('serverError', `The Veeam server reported an error: ${message}`, { veeamMessage: message, detail: clippedText(f.string('errorCode') ?? '', 80) || undefined });
  }
  if (f.has('id')) {
    const session = normaliseMicrosoft365Session(parsed, raw);
    if (session) return { kind: 'session', session };
    throw unrelated('an object whose id is not a GUID');
  }
  if (f.has('_links') || f.has('installationId')) return { kind: 'other', rootName: 'Object', data: safeRecord(Object.entries(parsed)) };
  throw unrelated('an object with none of the expected fields');
}

function sessionList(items: unknown[], paging: ListPaging | undefined): ParsedDocument {
  requireRestoreSessions(items);
  const { sessions, skipped } = buildSessionList(items, summariseMicrosoft365Session);
  return { kind: 'list', sessions, paging, skipped };
}

const SESSION_SELF = /\/restoresessions\/[^/?#]+\/?$/i;

/**
 * A non-empty list must hold at least one item that is positively a restore session (its self link, or the required
 * creationTime and state): a page of jobs or organizations is refused by name, not read as sessions. Empty stays empty.
 */
function requireRestoreSessions(items: unknown[]): void {
  if (items.length === 0) return;
  const selfHrefs = items.map((item) => (isPlainRecord(item) ? readHalLinks(new CaseInsensitiveFields(item).get('_links')).find((l) => l.rel.toLowerCase() === 'self')?.href : undefined));
  const recognised = items.some((item, i) => {
    if (!isPlainRecord(item)) return false;
    const f = new CaseInsensitiveFields(item);
    return SESSION_SELF.test(selfHrefs[i] ?? '') || (f.has('creationTime') && f.has('state'));
  });
  if (recognised) return;
  // The collection name from a self link (`/v8/Jobs/<id>` → Jobs) says what the list is.
  const collection = selfHrefs.map((h) => /\/v\d+\/([A-Za-z]+)\//.exec(h ?? '')?.[1]).find((c) => c !== undefined);
  throw notRestoreSessions(collection ? `a list of ${clippedText(collection, 60)}` : 'a list of objects without the fields of a restore session (creationTime, state)');
}

function readPaging(f: CaseInsensitiveFields, count: number): ListPaging {
  const offset = nonNegative(f.string('offset')) ?? 0;
  const limit = nonNegative(f.string('limit')) ?? count;
  const next = readHalLinks(f.get('_links')).find((l) => l.rel.toLowerCase() === 'next');
  // `next` absent means last page; a page shorter than `limit` also does (B.3).
  const hasNext = next !== undefined && count > 0 && (limit === 0 || count >= limit);
  const paging: ListPaging = { page: limit > 0 ? Math.floor(offset / limit) + 1 : 1, pageSize: limit, hasNext };
  const total = nonNegative(f.string('totalCount'));
  if (total !== undefined) paging.totalCount = total;
  if (next) paging.nextHref = next.href;
  return paging;
}

function nonNegative(s: string | undefined): number | undefined {
  const n = Number(s);
  return s !== undefined && s !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function unrelated(what: string): VeeamError {
  return new VeeamError('malformedResponse', `The response is not a Microsoft 365 restore-session document (got ${what}).`, { detail: what });
}
