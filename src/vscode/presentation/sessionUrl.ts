import type { ServerConfig } from '../../core/model/serverConfig';
import { VB365_LATEST_API_VERSION } from '../../core/model/serverConfig';

/** The REST URL of one restore session: EM `…/api/restoreSessions/<id>?format=Entity`, VB365 `…/vN/RestoreSessions/<id>`. */
export function sessionUrl(server: Pick<ServerConfig, 'kind' | 'url' | 'apiVersion'>, sessionId: string): string {
  const origin = server.url.replace(/\/+$/, '');
  const id = encodeURIComponent(sessionId);
  return server.kind === 'em'
    ? `${origin}/api/restoreSessions/${id}?format=Entity`
    : `${origin}/${server.apiVersion ?? VB365_LATEST_API_VERSION}/RestoreSessions/${id}`;
}
