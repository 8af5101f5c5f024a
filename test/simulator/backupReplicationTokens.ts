import { randomBytes, randomUUID } from 'node:crypto';

export interface VbrIssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  issuedMs: number;
  userName: string;
}

export type VbrTokenCheck = 'valid' | 'expired' | 'unknown';

/**
 * Bearer and refresh tokens of `/api/oauth2/token` (Part E §2): JWT-shaped, the refresh token single use, logout kills
 * the access token and its refresh token.
 */
export class BackupReplicationTokens {
  private readonly access = new Map<string, { expiresMs: number; refreshToken: string }>();
  private readonly refresh = new Map<string, string>();
  private readonly everIssued: Array<{ accessToken: string; refreshToken: string }> = [];

  constructor(
    private readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(userName: string): VbrIssuedTokens {
    const issuedMs = this.now();
    const accessToken = jwt(userName, issuedMs, this.lifetimeSeconds);
    const refreshToken = jwt(userName, issuedMs, 14 * 24 * 3600);
    this.access.set(accessToken, { expiresMs: issuedMs + this.lifetimeSeconds * 1000, refreshToken });
    this.refresh.set(refreshToken, userName);
    this.everIssued.push({ accessToken, refreshToken });
    return { accessToken, refreshToken, expiresInSeconds: this.lifetimeSeconds, issuedMs, userName };
  }

  /** A new pair for a live refresh token, which is spent by this; undefined when it is unknown or spent. */
  redeem(refreshToken: string): VbrIssuedTokens | undefined {
    const userName = this.refresh.get(refreshToken);
    if (userName === undefined) return undefined;
    this.refresh.delete(refreshToken);
    return this.issue(userName);
  }

  check(accessToken: string): VbrTokenCheck {
    const entry = this.access.get(accessToken);
    if (!entry) return 'unknown';
    return this.now() >= entry.expiresMs ? 'expired' : 'valid';
  }

  /** Logout: the access token and the refresh token issued with it stop working. */
  revoke(accessToken: string): void {
    const entry = this.access.get(accessToken);
    if (!entry) return;
    this.access.delete(accessToken);
    this.refresh.delete(entry.refreshToken);
  }

  /** Every access token past its lifetime from now on (answered ExpiredToken); refresh tokens stay good. */
  expireAccess(): void {
    const now = this.now();
    for (const entry of this.access.values()) entry.expiresMs = Math.min(entry.expiresMs, now);
  }

  /** Every access token is expired from now on (answered ExpiredToken), every refresh token dead. */
  expireAll(): void {
    const now = this.now();
    for (const entry of this.access.values()) entry.expiresMs = Math.min(entry.expiresMs, now);
    this.refresh.clear();
  }

  issued(): ReadonlyArray<{ accessToken: string; refreshToken: string }> {
    return this.everIssued;
  }
}

/** Looks like the server's JWTs (header.payload.signature); the signature is random, so tokens are unguessable. */
function jwt(userName: string, issuedMs: number, lifetimeSeconds: number): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const iat = Math.floor(issuedMs / 1000);
  return [part({ alg: 'HS256', typ: 'JWT' }), part({ unique_name: userName, jti: randomUUID(), nbf: iat, exp: iat + lifetimeSeconds, iat }), randomBytes(32).toString('base64url')].join('.');
}
