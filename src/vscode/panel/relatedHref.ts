/**
 * Whether a link from a session may be fetched: only http(s) URLs, without credentials, on the configured
 * server's origin. Two allowances: Veeam writes hrefs with the host name the server knows itself by (often
 * `localhost` or its short machine name), so an href on the same port but another host name is accepted too; and
 * behind a reverse proxy or port mapping the server's own origin (`advertised`, which the client learned from the
 * server's documents about themselves) differs from the configured one. The protocol client
 * (src/core/clients/relatedHref.ts) then sends it to the configured origin, never to the href's host, so the
 * session token cannot leave for another machine. Any other host is refused.
 */
export function isHrefOfServer(serverUrl: string, href: string, advertised: readonly string[] = []): boolean {
  const server = parseUrl(serverUrl);
  const target = parseUrl(href);
  if (!server || !target) return false;
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  if (target.username || target.password) return false;
  if (target.origin === server.origin || advertised.includes(target.origin)) return true;
  return target.protocol === server.protocol && effectivePort(target) === effectivePort(server);
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
