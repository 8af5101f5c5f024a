import { VeeamError } from '../errors';
import type { ServerConfig } from '../model/serverConfig';
import type { HttpOptions } from '../http/httpOptions';
import { ServerHttpClient } from '../http/serverHttpClient';
import { KIND_PROTOCOLS } from '../kinds/kindProtocols';
import { SERVER_KIND_IDS, isServerKind } from '../kinds/serverKinds';
import type { Logger, RestoreSessionClient, TokenStore } from './restoreSessionClient';

export interface ClientOptions {
  server: ServerConfig;
  /** Asked only when a logon / password grant is needed; undefined = no password available → VeeamError('authFailed'). */
  password: () => Promise<string | undefined>;
  /** Where the credential (EM logon session, an OAuth token pair; JSON-serialised) is kept between runs; optional. */
  tokenStore?: TokenStore;
  logger?: Logger;
  http?: Partial<HttpOptions>;
}

/** The client for a server's kind, with its own connection pool (close it with `dispose()`). */
export function createRestoreSessionClient(options: ClientOptions): RestoreSessionClient {
  if (!isServerKind(options.server.kind)) {
    throw new VeeamError('invalidInput', `Unknown server kind "${String(options.server.kind)}" (expected ${SERVER_KIND_IDS.join(', ')}).`);
  }
  const http = new ServerHttpClient(options.server.url, options.server.trust ?? { mode: 'system' }, options.http, options.logger);
  return KIND_PROTOCOLS[options.server.kind].createClient(options, http);
}
