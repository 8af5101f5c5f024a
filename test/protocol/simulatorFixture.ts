import * as assert from 'assert';
import type { Logger, LogLevel, RestoreSessionClient, TokenStore } from '../../src/core/clients/restoreSessionClient';
import { createRestoreSessionClient, type ClientOptions } from '../../src/core/clients/createClient';
import { isVeeamError, type VeeamError, type VeeamErrorCode } from '../../src/core/errors';
import type { ServerKind } from '../../src/core/model/restoreSession';
import type { ServerConfig, TlsTrust } from '../../src/core/model/serverConfig';
import { startSimulator } from '../simulator/simulator';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export { startSimulator };

/** Every log line a client wrote, to assert on content (and on the absence of secrets). */
export class CapturedLog {
  readonly lines: Array<{ level: LogLevel; message: string }> = [];
  readonly logger: Logger = (level, message) => {
    this.lines.push({ level, message });
  };
  text(): string {
    return this.lines.map((l) => l.message).join('\n');
  }
}

/** A TokenStore in memory, like SecretStorage across a restart when shared by two clients. */
export class MemoryTokenStore implements TokenStore {
  value: string | undefined;
  saves = 0;
  async load(): Promise<string | undefined> {
    return this.value;
  }
  async save(token: string | undefined): Promise<void> {
    this.saves++;
    this.value = token;
  }
}

/** The simulator's address for a kind. */
export function simulatorUrl(sim: Simulator, kind: ServerKind): string {
  return { em: sim.emUrl, vb365: sim.vb365Url, vbr: sim.vbrUrl }[kind];
}

export function serverConfig(sim: Simulator, kind: ServerKind, trust?: TlsTrust, apiVersion?: string): ServerConfig {
  const credentials = sim.credentials[kind];
  return {
    id: `test-${kind}`,
    kind,
    url: simulatorUrl(sim, kind),
    name: `simulated ${kind}`,
    username: credentials.username,
    apiVersion,
    trust: trust ?? { mode: 'fingerprint', sha256: sim.fingerprint256 },
  };
}

/** Creates clients and disposes all of them after each test. */
export class ClientFactory {
  private readonly clients: RestoreSessionClient[] = [];
  constructor(private readonly sim: () => Simulator) {}

  create(kind: ServerKind, overrides: Partial<ClientOptions> & { trust?: TlsTrust; apiVersion?: string; passwordOverride?: string | null } = {}): RestoreSessionClient {
    const sim = this.sim();
    const credentials = sim.credentials[kind];
    const password = overrides.passwordOverride === null ? undefined : (overrides.passwordOverride ?? credentials.password);
    const client = createRestoreSessionClient({
      server: overrides.server ?? serverConfig(sim, kind, overrides.trust, overrides.apiVersion),
      password: overrides.password ?? (async () => password),
      tokenStore: overrides.tokenStore,
      logger: overrides.logger,
      logsRequests: overrides.logsRequests,
      http: { retries: 3, ...overrides.http },
    });
    this.clients.push(client);
    return client;
  }

  async disposeAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.dispose()));
  }
}

export async function expectVeeamError(promise: Promise<unknown>, code: VeeamErrorCode): Promise<VeeamError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(isVeeamError(e), `expected a VeeamError(${code}), got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    assert.strictEqual(e.code, code, `expected ${code}, got ${e.code}: ${e.message}`);
    return e;
  }
  assert.fail(`expected VeeamError(${code}), but it resolved`);
}

export function isNewestFirst(times: Array<string | undefined>): boolean {
  const ms = times.map((t) => (t ? Date.parse(t) : Number.NEGATIVE_INFINITY));
  return ms.every((t, i) => i === 0 || ms[i - 1] >= t);
}
