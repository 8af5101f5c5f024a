import { kindDescriptor } from '../../core/kinds/serverKinds';
import type { ServerConfig } from '../../core/model/serverConfig';

/** The REST URL of one restore session, as the server's kind writes it. */
export function sessionUrl(server: Pick<ServerConfig, 'kind' | 'url' | 'apiVersion'>, sessionId: string): string {
  return kindDescriptor(server.kind).sessionUrl(server.url.replace(/\/+$/, ''), sessionId, server.apiVersion);
}
