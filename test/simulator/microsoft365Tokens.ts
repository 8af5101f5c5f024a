import { randomBytes } from 'node:crypto';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  issuedMs: number;
  userName: string;
}

/** Bearer and refresh tokens of the VB365 token endpoint; refresh tokens rotate (one use each). */
export class Microsoft365Tokens {
  private readonly access = new Map<string, { userName: string; expiresMs: number; refreshToken: string }>();
  private readonly refresh = new Map<string, string>();
  /** Every token ever issued, expired or not (for leak searches). */
  private readonly everIssued: Array<{ accessToken: string; refreshToken: string }> = [];

  constructor(
    private readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(userName: string): IssuedTokens {
    // Unpredictable on purpose: tokens are secrets even in a simulator.
    const accessToken = randomBytes(48).toString('base64url');
    const refreshToken = randomBytes(32).toString('base64url');
    const issuedMs = this.now();
    this.access.set(accessToken, { userName, expiresMs: issuedMs + this.lifetimeSeconds * 1000, refreshToken });
    this.refresh.set(refreshToken, userName);
    this.everIssued.push({ accessToken, refreshToken });
    return { accessToken, refreshToken, expiresInSeconds: this.lifetimeSeconds, issuedMs, userName };
  }

  /** A new pair for a valid refresh token (which is then spent); undefined otherwise. */
  redeem(refreshToken: string): IssuedTokens | undefined {
    const userName = this.refresh.get(refreshToken);
    if (userName === undefined) return undefined;
    this.refresh.delete(refreshToken);
    return this.issue(userName);
  }

  /** The user of a live access token. */
  check(accessToken: string): string | undefined {
    const entry = this.access.get(accessToken);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresMs) {
      this.access.delete(accessToken);
      return undefined;
    }
    return entry.userName;
  }

  /** Logout: the access token and its refresh token stop working. */
  revoke(accessToken: string): void {
    const entry = this.access.get(accessToken);
    if (!entry) return;
    this.access.delete(accessToken);
    this.refresh.delete(entry.refreshToken);
  }

  /** Every access token past its lifetime from now on; refresh tokens stay good (an idle hour, not a revocation). */
  expireAccess(): void {
    const now = this.now();
    for (const entry of this.access.values()) entry.expiresMs = Math.min(entry.expiresMs, now);
  }

  expireAll(): void {
    this.access.clear();
    this.refresh.clear();
  }

  issued(): ReadonlyArray<{ accessToken: string; refreshToken: string }> {
    return this.everIssued;
  }
}
