import type { BodyFormat } from '../../core/model/restoreSession';
import { isGuid } from '../../core/model/restoreSessionUid';
import { stripBidiControls } from '../../core/text/bidiControls';

/** What a raw document shows: a session, or a related resource (a link href of the same server). */
export type RawDocumentTarget =
  | { serverId: string; format: BodyFormat; sessionId: string; href?: undefined }
  | { serverId: string; format: BodyFormat; href: string; sessionId?: undefined };

/** The path and query of a raw document URI. Holds ids and the href, never a secret. */
export interface RawDocumentAddress {
  path: string;
  query: string;
}

/** A path segment safe to show in a tab title: no separators, no bidi tricks, not empty, not endless. */
function pathSegment(text: string): string {
  const cleaned = stripBidiControls(
    // A colon becomes a dot, so the times in Veeam session names (`09:15:40`) still read as times.
    [...text].map((c) => (c === ':' ? '.' : c.charCodeAt(0) < 0x20 || '/\\?#%*"<>|'.includes(c) ? '_' : c)).join(''),
  ).trim();
  return [...cleaned].slice(0, MAX_SEGMENT_CHARACTERS).join('') || '_';
}

const MAX_SEGMENT_CHARACTERS = 100;
// Room left for the id prefix in a session's file name.
const MAX_NAME_CHARACTERS = 80;

/** The last meaningful path segment of an href (`…/backupServers/<id>?format=Entity` → `<id>`). */
function hrefFileName(href: string): string {
  try {
    const segments = new URL(href).pathname.split('/').filter(Boolean);
    return segments.at(-1) ?? 'resource';
  } catch {
    return 'resource';
  }
}

/**
 * `/<serverName>/<session name> (<id prefix>).xml` + `server=<id>&session=<id>&format=xml` (or `href=` for a related
 * resource). The path only names the tab: the query says what to fetch. Without a known name the file is the id.
 */
export function rawDocumentAddress(serverName: string, target: RawDocumentTarget, sessionName?: string): RawDocumentAddress {
  const params = new URLSearchParams({ server: target.serverId, format: target.format });
  let fileName: string;
  if (target.href !== undefined) {
    params.set('href', target.href);
    fileName = hrefFileName(target.href);
  } else {
    params.set('session', target.sessionId);
    // The id prefix keeps two sessions of the same name (a VM restored twice a minute apart) in separate tabs.
    const name = [...(sessionName ?? '').trim()].slice(0, MAX_NAME_CHARACTERS).join('');
    fileName = name ? `${name} (${target.sessionId.slice(0, 8)})` : target.sessionId;
  }
  return { path: `/${pathSegment(serverName)}/${pathSegment(fileName)}.${target.format}`, query: params.toString() };
}

/** Reads a raw document URI's query back; undefined for anything we did not build. */
export function parseRawDocumentQuery(query: string): RawDocumentTarget | undefined {
  const params = new URLSearchParams(query);
  const serverId = params.get('server');
  const format = params.get('format');
  const sessionId = params.get('session');
  const href = params.get('href');
  if (!serverId || (format !== 'xml' && format !== 'json')) return undefined;
  if (href && !sessionId) return { serverId, format, href };
  if (sessionId && !href && isGuid(sessionId)) return { serverId, format, sessionId };
  return undefined;
}

/** The same target in the other representation (EM serves both). */
export function withOtherFormat(target: RawDocumentTarget): RawDocumentTarget {
  return { ...target, format: target.format === 'xml' ? 'json' : 'xml' };
}
