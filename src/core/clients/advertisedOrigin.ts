/**
 * The origin a server writes its own hrefs with, read from a document it served about itself through the configured
 * address. Behind a reverse proxy or a port mapping it differs from the configured origin (EM hrefs are absolute,
 * A.3.2; VB365 ones before v6, B.3). Only a self href naming the very resource that was requested teaches it (same
 * path, case and query aside), so a link inside a document cannot. Undefined when it is the configured origin.
 */
export function advertisedOriginOf(selfHref: string | undefined, requestedPath: string, configuredOrigin: string): string | undefined {
  if (!selfHref) return undefined;
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
