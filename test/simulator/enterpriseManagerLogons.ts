import type { SeededRandom } from './seededRandom';

export interface EmLogonSession {
  sessionId: string;
  /** base64 of the SessionId text, as current servers issue it (A.2). */
  token: string;
  userName: string;
  version: string;
  lastUsedMs: number;
}

/** Logon sessions with the EM idle timeout: any request resets the clock, an idle one is gone. */
export class EnterpriseManagerLogons {
  private readonly byToken = new Map<string, EmLogonSession>();
  /** Every logon ever created, expired or not (for leak searches). */
  private readonly everIssued: Array<{ sessionId: string; token: string }> = [];

  constructor(
    private readonly idleTimeoutMs: number,
    private readonly random: SeededRandom,
    private readonly now: () => number = Date.now,
  ) {}

  create(userName: string, version: string): EmLogonSession {
    const sessionId = this.random.guid();
    const logon = { sessionId, token: Buffer.from(sessionId, 'utf8').toString('base64'), userName, version, lastUsedMs: this.now() };
    this.byToken.set(logon.token, logon);
    this.everIssued.push({ sessionId: logon.sessionId, token: logon.token });
    return logon;
  }

  /** The live session for a token, touching it; undefined when unknown, deleted or idle too long. */
  resolve(token: string): EmLogonSession | undefined {
    const logon = this.byToken.get(token);
    if (!logon) return undefined;
    if (this.now() - logon.lastUsedMs > this.idleTimeoutMs) {
      this.byToken.delete(token);
      return undefined;
    }
    logon.lastUsedMs = this.now();
    return logon;
  }

  findById(sessionId: string): EmLogonSession | undefined {
    const id = sessionId.toLowerCase();
    return this.active().find((l) => l.sessionId === id);
  }

  delete(logon: EmLogonSession): void {
    this.byToken.delete(logon.token);
  }

  active(): EmLogonSession[] {
    const now = this.now();
    return [...this.byToken.values()].filter((l) => now - l.lastUsedMs <= this.idleTimeoutMs);
  }

  expireAll(): void {
    this.byToken.clear();
  }

  issued(): ReadonlyArray<{ sessionId: string; token: string }> {
    return this.everIssued;
  }
}
