import type { HttpOptions } from '../http/httpOptions';
import type { ServerConfig } from '../model/serverConfig';
import type { Logger, TokenStore } from './restoreSessionClient';

/** What every kind's client is built from (its own file: the kinds' clients and the factory both need it). */
export interface ClientOptions {
  server: ServerConfig;
  /** Asked only when a logon / password grant is needed; undefined = no password available → VeeamError('authFailed'). */
  password: () => Promise<string | undefined>;
  /** Where the credential (EM logon session, an OAuth token pair; JSON-serialised) is kept between runs; optional. */
  tokenStore?: TokenStore;
  logger?: Logger;
  /**
   * Whether the logger keeps debug lines (one per request): each costs a UTF-8 length of the whole body, so it is
   * built only when someone will read it. Default: whenever there is a logger.
   */
  logsRequests?: () => boolean;
  http?: Partial<HttpOptions>;
}
