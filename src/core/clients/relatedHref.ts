import { VeeamError } from '../errors';

/**
 * The request path for a link href of this server. Allowed: same origin, server-relative paths, or an
 * absolute href on another host whose path belongs to the API (`apiPath`): Veeam builds hrefs from the
 * host name it knows itself by (often `localhost`), so those are rewritten onto the configured origin.
 * Anything else is refused: credentials are never sent to a host the user did not configure.
 */
export function pathForHref(href: string, origin: string, apiPath: RegExp): string {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    throw refused(href);
  }
  const path = `${url.pathname}${url.search}`;
  if (url.origin === origin) {
    if (!apiPath.test(url.pathname)) throw refused(href);
    return path;
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && apiPath.test(url.pathname) && !url.username && !url.password) return path;
  throw refused(href);
}

function refused(href: string): VeeamError {
  const shown = href.length > 200 ? `${href.slice(0, 200)}…` : href;
  return new VeeamError('invalidInput', `"${shown}" is not a link of this server's REST API.`);
}
