import { VeeamError } from '../errors';
import { ServerHttpClient } from '../http/serverHttpClient';
import { KIND_PROTOCOLS } from '../kinds/kindProtocols';
import { SERVER_KIND_IDS, isServerKind } from '../kinds/serverKinds';
import type { ClientOptions } from './clientOptions';
import type { RestoreSessionClient } from './restoreSessionClient';

export type { ClientOptions };

/** The client for a server's kind, with its own connection pool (close it with `dispose()`). */
export function createRestoreSessionClient(options: ClientOptions): RestoreSessionClient {
  if (!isServerKind(options.server.kind)) {
    throw new VeeamError('invalidInput', `Unknown server kind "${String(options.server.kind)}" (expected ${SERVER_KIND_IDS.join(', ')}).`);
  }
  const http = new ServerHttpClient(options.server.url, options.server.trust ?? { mode: 'system' }, options.http, options.logger, options.logsRequests);
  return KIND_PROTOCOLS[options.server.kind].createClient(options, http);
}
