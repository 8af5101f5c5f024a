import type { RestoreSessionClient } from '../../src/core/clients/restoreSessionClient';
import { createRestoreSessionClient } from '../../src/core/clients/createClient';
import type { ServerKind } from '../../src/core/model/restoreSession';
import { MemoryTokenStore, serverConfig } from '../protocol/simulatorFixture';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator/simulator';

export type { RunningSimulator };

/** A simulator of both APIs on free loopback ports, stopped by the caller. */
export function startBenchSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  return startSimulator({ emPort: 0, vb365Port: 0, ...options });
}

/** Our client for one of the simulated servers, its token kept where the benchmark can reuse it for the bare baseline. */
export function benchClient(sim: RunningSimulator, kind: ServerKind): { client: RestoreSessionClient; tokens: MemoryTokenStore } {
  const credentials = sim.credentials[kind];
  const tokens = new MemoryTokenStore();
  const client = createRestoreSessionClient({ server: serverConfig(sim, kind), password: async () => credentials.password, tokenStore: tokens });
  return { client, tokens };
}

/** The authentication header our client sends (read from its token store), so the bare baseline sends the same. */
export function authHeader(kind: ServerKind, tokens: MemoryTokenStore): Record<string, string> {
  if (!tokens.value) throw new Error('the client has not signed in yet');
  const stored = JSON.parse(tokens.value) as { sessionToken?: string; accessToken?: string };
  if (kind === 'em' && stored.sessionToken) return { 'X-RestSvcSessionId': stored.sessionToken };
  if (kind === 'vb365' && stored.accessToken) return { authorization: `Bearer ${stored.accessToken}` };
  throw new Error(`no ${kind} token in the store`);
}
