import { DEFAULT_PORTS } from '../../core/model/serverConfig';
import type { ServerKind } from '../../core/model/restoreSession';
import type { Translate } from '../presentation/translate';

/**
 * Normalises what the user typed as a server address into an origin (`https://host:port`): adds `https://` and the
 * default port of the kind, drops a pasted API path. Returns an error text for anything else. VS Code-free.
 */
export function normaliseServerUrl(input: string, kind: ServerKind, t: Translate): { origin: string; host: string } | { error: string } {
  let text = input.trim();
  if (!text) return { error: t('Enter the server address.') };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: t('That is not a valid address.') };
  }
  if (url.protocol !== 'https:') return { error: t('Veeam REST APIs are served over https.') };
  if (!url.hostname) return { error: t('Enter a host name.') };
  if (url.username || url.password) return { error: t('Do not put credentials in the address.') };
  // URL drops an explicit default port (":443"), so look at the text itself before adding the kind's default.
  const explicit443 = /^https:\/\/[^/?#]*:443(?:[/?#]|$)/i.test(text);
  const port = url.port || (explicit443 ? '443' : String(DEFAULT_PORTS[kind]));
  return { origin: `https://${url.hostname}:${port}`, host: url.hostname.replace(/^\[|\]$/g, '') };
}
