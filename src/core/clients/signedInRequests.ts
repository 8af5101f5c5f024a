import type { HttpRequest, HttpResponse } from '../http/httpExchange';
import type { ServerHttpClient } from '../http/serverHttpClient';
import { errorForStatus } from '../http/statusErrors';
import type { TokenStore } from './restoreSessionClient';
import { StoredToken } from './storedToken';

/** How one API signs in: what its credential is (a logon session, a token pair), how it is obtained and sent. */
export interface SignInScheme<Credential> {
  /**
   * A new credential. `stale` is the one that expired or was refused (a scheme with refresh tokens refreshes it,
   * falling back to the password); undefined on first use.
   */
  obtain(stale: Credential | undefined, signal: AbortSignal | undefined): Promise<Credential>;
  /** The request with the credential attached. */
  attach(request: HttpRequest, credential: Credential): HttpRequest;
  /** Renew before sending (an access token about to expire), so requests rarely meet a 401. */
  isDue?(credential: Credential): boolean;
  /** Checks what the token store hands back (it may hold anything after an upgrade). */
  isCredential(value: unknown): value is Credential;
}

/**
 * The sign-in lifecycle every kind shares: one credential per client, loaded from the token store once, renewed by
 * one request at a time (concurrent requests wait for the same renewal — refresh tokens that work once need that),
 * persisted as soon as it is obtained, and the 401 rule: renew once, retry once, then give up and forget it.
 */
export class SignedInRequests<Credential> {
  private credential: Credential | undefined;
  private storeLoaded = false;
  private renewal: Promise<Credential> | undefined;
  private readonly stored: StoredToken<Credential>;

  constructor(
    private readonly scheme: SignInScheme<Credential>,
    private readonly http: ServerHttpClient,
    tokenStore: TokenStore | undefined,
  ) {
    this.stored = new StoredToken(tokenStore, scheme.isCredential);
  }

  /** An authenticated request; a status outside 2xx throws its typed error naming `what`. */
  async send(request: HttpRequest, what: string): Promise<HttpResponse> {
    const response = await this.sendAllowingErrors(request);
    if (response.status < 200 || response.status >= 300) throw errorForStatus(response, { what });
    return response;
  }

  /** An authenticated request whose non-2xx answers (other than the 401 rule's) the caller reads itself. */
  async sendAllowingErrors(request: HttpRequest): Promise<HttpResponse> {
    let { credential } = await this.current(request.signal);
    let response = await this.http.request(this.scheme.attach(request, credential));
    if (response.status === 401) {
      credential = await this.renew(credential, request.signal);
      response = await this.http.request(this.scheme.attach(request, credential));
      if (response.status === 401) await this.forget(credential);
    }
    return response;
  }

  /** The credential to send now; `reused` when it came from the store (an earlier run) and is not proven yet. */
  async current(signal: AbortSignal | undefined): Promise<{ credential: Credential; reused: boolean }> {
    let reused = false;
    if (!this.credential && !this.storeLoaded) {
      this.storeLoaded = true;
      const stored = await this.stored.load();
      if (stored && !this.credential) {
        this.credential = stored;
        reused = true;
      }
    }
    const credential = this.credential;
    if (!credential) return { credential: await this.renew(undefined, signal), reused: false };
    if (this.scheme.isDue?.(credential)) return { credential: await this.renew(credential, signal), reused: false };
    return { credential, reused };
  }

  /** Takes the credential away for a logoff: the client signs in again if used afterwards. */
  async takeForLogoff(): Promise<Credential | undefined> {
    const credential = this.credential ?? (this.storeLoaded ? undefined : await this.stored.load());
    this.credential = undefined;
    this.storeLoaded = true;
    await this.stored.save(undefined);
    return credential;
  }

  /** A new credential, unless another request already replaced `stale`. One renewal at a time. */
  private renew(stale: Credential | undefined, signal: AbortSignal | undefined): Promise<Credential> {
    if (this.credential && this.credential !== stale) return Promise.resolve(this.credential);
    this.renewal ??= this.scheme
      .obtain(stale, signal)
      .then(async (credential) => {
        this.credential = credential;
        // At once: a refresh token that works once is lost with the process if it is not kept now.
        await this.stored.save(credential);
        return credential;
      })
      .finally(() => {
        this.renewal = undefined;
      });
    return this.renewal;
  }

  private async forget(credential: Credential): Promise<void> {
    if (this.credential !== credential) return;
    this.credential = undefined;
    await this.stored.save(undefined);
  }
}
