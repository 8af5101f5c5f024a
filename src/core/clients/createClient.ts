import { VeeamError } from '../errors';
import type { ServerConfig } from '../model/serverConfig';
import type { HttpOptions } from '../http/httpOptions';
import { ServerHttpClient } from '../http/serverHttpClient';
import { EnterpriseManagerClient } from '../kinds/enterpriseManager/enterpriseManagerClient';
import { Microsoft365Client } from '../kinds/microsoft365/microsoft365Client';
import type { Logger, RestoreSessionClient, TokenStore } from './restoreSessionClient';

export interface ClientOptions {
  server: ServerConfig;
  /** Asked only when a logon / password grant is needed; undefined = no password available → VeeamError('authFailed'). */
  password: () => Promise<string | undefined>;
  /** Where the session token (EM X-RestSvcSessionId) or VB365 token pair (JSON-serialised) is kept between runs; optional. */
  tokenStore?: TokenStore;
  logger?: Logger;
  http?: Partial<HttpOptions>;
}

/** The client for a server's kind, with its own connection pool (close it with `dispose()`). */
export function createRestoreSessionClient(options: ClientOptions): RestoreSessionClient {
  if (options.server.kind !== 'em' && options.server.kind !== 'vb365') {
    throw new VeeamError('invalidInput', `Unknown server kind "${String(options.server.kind)}" (expected em or vb365).`);
  }
  const http = new ServerHttpClient(options.server.url, options.server.trust ?? { mode: 'system' }, options.http, options.logger);
  return options.server.kind === 'em' ? new EnterpriseManagerClient(options, http) : new Microsoft365Client(options, http);
}
