import type { BodyFormat } from '../../core/model/restoreSession';
import { isGuid } from '../../core/model/restoreSessionUid';
import { stripBidiControls } from '../../shared/bidiControls';

/** What a raw document shows: a session, or a related resource (a link href of the same server). */
export type RawDocumentTarget =
  | { serverId: string; format: BodyFormat; sessionId: string; href?: undefined }
  | { serverId: string; format: BodyFormat; href: string; sessionId?: undefined };

/** The path and query of a raw document URI. Holds ids and the href, never a secret. */
export interface RawDocumentAddress {
  path: string;
  query: string;
}

/** A path segment safe to show in a tab title: no separators, no bidi tricks, not empty. */
function pathSegment(text: string): string {
  const cleaned = stripBidiControls(
    [...text].map((c) => (c.charCodeAt(0) < 0x20 || '/\\?#%:*"<>|'.includes(c) ? '_' : c)).join(''),
  ).trim();
  return cleaned || '_';
}

/** The last meaningful path segment of an href (`…/backupServers/<id>?format=Entity` → `<id>`). */
function hrefFileName(href: string): string {
  try {
    const segments = new URL(href).pathname.split('/').filter(Boolean);
    return segments.at(-1) ?? 'resource';
  } catch {
    return 'resource';
  }
}

/** `/<serverName>/<sessionId>.xml` + `server=<id>&session=<id>&format=xml` (or `href=` for a related resource). */
export function rawDocumentAddress(serverName: string, target: RawDocumentTarget): RawDocumentAddress {
  const params = new URLSearchParams({ server: target.serverId, format: target.format });
  let fileName: string;
  if (target.href !== undefined) {
    params.set('href', target.href);
    fileName = hrefFileName(target.href);
  } else {
    params.set('session', target.sessionId);
    fileName = target.sessionId;
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
