import { request } from 'node:http';
import type { ServerKind } from '../../src/core/model/restoreSession';
import type { ServerConfig } from '../../src/core/model/serverConfig';
import { startSimulatorProcess } from '../harness/simulatorProcess';
import type { SimulatorConnection } from '../harness/simulatorConnection';
import type { ApiLatency } from '../simulator/simulator';

/**
 * The simulator CLI in a child process of its own: its rendering, sorting and TLS work runs on another process (and
 * core), so the benchmark's process holds only the extension, our client and the bare baselines. Used where the
 * simulator's own CPU work would otherwise be billed to the measured process (latency cases, event-loop blocks).
 */
export interface ChildSimulator {
  connection: SimulatorConnection;
  certificatePem: string;
  /** The origin of a kind's API. */
  url(kind: ServerKind): string;
  /** A server definition for a kind, trusted by fingerprint as a user would. */
  config(kind: ServerKind, id: string): ServerConfig;
  password(kind: ServerKind): string;
  setLatency(latency: ApiLatency): Promise<void>;
  /** Requests counted by the simulator since the last reset, by `"<api> <METHOD> <path>"` (path without query). */
  requests(): Promise<Record<string, number>>;
  resetRequests(): Promise<void>;
  expireTokens(): Promise<void>;
  stop(): Promise<void>;
}

/** `args` are CLI flags (`--sessions 10000`, `--em-latency 20`, …); free ports always. */
export async function startChildSimulator(args: readonly string[]): Promise<ChildSimulator> {
  const running = await startSimulatorProcess(args);
  const connection = running.connection;
  const certificatePem = (connection as SimulatorConnection & { certificatePem?: unknown }).certificatePem;
  if (typeof certificatePem !== 'string') {
    await running.stop();
    throw new Error('the simulator announced no certificatePem on its ready line');
  }
  const url = (kind: ServerKind): string => ({ em: connection.emUrl, vb365: connection.vb365Url, vbr: connection.vbrUrl })[kind];
  const control = (method: string, path: string, body?: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const req = request(`${connection.controlUrl}${path}`, { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 0) >= 300) reject(new Error(`control ${method} ${path} answered ${res.statusCode}: ${text}`));
          else resolve(text);
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    connection,
    certificatePem,
    url,
    config: (kind, id) => ({
      id,
      kind,
      url: url(kind),
      name: `bench ${id}`,
      username: connection.credentials[kind].username,
      trust: { mode: 'fingerprint', sha256: connection.fingerprint256 },
    }),
    password: (kind) => connection.credentials[kind].password,
    setLatency: async (latency) => void (await control('POST', '/latency', JSON.stringify(latency))),
    requests: async () => (JSON.parse(await control('GET', '/requests')) as { byRoute: Record<string, number> }).byRoute,
    resetRequests: async () => void (await control('DELETE', '/requests')),
    expireTokens: async () => void (await control('POST', '/expire-tokens')),
    stop: () => running.stop(),
  };
}
