/**
 * The origin a server writes its own hrefs with, read from a document it served about itself through the configured
 * address. Behind a reverse proxy or a port mapping it differs from the configured origin (EM hrefs are absolute,
 * A.3.2; VB365 ones before v6, B.3). Only a self href naming the very resource that was requested teaches it (same
 * path, case and query aside), so a link inside a document cannot. Undefined when it is the configured origin.
 */
export function advertisedOriginOf(selfHref: string | undefined, requestedPath: string, configuredOrigin: string): string | undefined {
  if (!selfHref) return undefined;
  // Every lookup passes here: the usual answers (a path, or the configured origin itself) are told apart without
  // parsing two URLs. A path starting with a letter or digit cannot name another host; neither can the exact
  // configured origin followed by "/".
  if (/^\/[A-Za-z0-9]/.test(selfHref)) return undefined;
  const own = canonicalOrigin(configuredOrigin);
  if (own !== undefined && selfHref.startsWith(own) && selfHref.charCodeAt(own.length) === SLASH) return undefined;
  let url: URL;
  try {
    url = new URL(selfHref, configuredOrigin);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
  const pathOf = (path: string): string => path.split(/[?#]/)[0].replace(/\/+$/, '').toLowerCase();
  if (pathOf(url.pathname) !== pathOf(requestedPath)) return undefined;
  // URL drops a default port (`:443`) from an origin; the configured text may carry it.
  return url.origin === new URL(configuredOrigin).origin ? undefined : url.origin;
}

const SLASH = 0x2f;
let lastConfigured = '';
let lastCanonical: string | undefined;

/** The configured origin as URL writes it (lower case, no default port); remembered, as it rarely changes. */
function canonicalOrigin(configured: string): string | undefined {
  if (configured !== lastConfigured) {
    lastConfigured = configured;
    try {
      lastCanonical = new URL(configured).origin;
    } catch {
      lastCanonical = undefined;
    }
  }
  return lastCanonical;
}
