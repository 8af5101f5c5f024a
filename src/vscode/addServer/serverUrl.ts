import { kindDescriptor, type ServerKind } from '../../core/kinds/serverKinds';
import type { Translate } from '../../shared/translate';

/**
 * Normalises what the user typed or pasted as a server address into an origin (`https://host:port`): a full URL
 * (`https://host:port/api/…`), `host:port` or a bare host. Adds `https://` and the kind's default port only when
 * none is given, drops a pasted API path. Returns an error text for anything else. VS Code-free.
 */
export function normaliseServerUrl(input: string, kind: ServerKind, t: Translate): { origin: string; host: string } | { error: string } {
  let text = input.trim();
  if (!text) return { error: t('Enter the server address.') };
  const expected = t('Expected https://host:port, host:port or host, e.g. https://veeam.example.com:{0}.', kindDescriptor(kind).defaultPort);
  // A URL pasted into (or after) another one: `https://https://host:port` would otherwise parse as host "https".
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:\/\//i.test(text)) {
    return { error: `${t('The address holds two addresses: enter one.')} ${expected}` };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `${t('That is not a valid address.')} ${expected}` };
  }
  if (url.protocol !== 'https:') return { error: t('Veeam REST APIs are served over https.') };
  if (!url.hostname) return { error: t('Enter a host name.') };
  if (url.username || url.password) return { error: t('Do not put credentials in the address.') };
  // A path starting with `//` is what is left of a second address after the first one's host.
  if (url.pathname.startsWith('//')) return { error: `${t('That is not a valid address.')} ${expected}` };
  // URL drops an explicit default port (":443"), so look at the text itself before adding the kind's default.
  const explicit443 = /^https:\/\/[^/?#]*:443(?:[/?#]|$)/i.test(text);
  const port = url.port || (explicit443 ? '443' : String(kindDescriptor(kind).defaultPort));
  return { origin: `https://${url.hostname}:${port}`, host: url.hostname.replace(/^\[|\]$/g, '') };
}
