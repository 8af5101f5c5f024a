import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import type { ServerKind } from '../../core/model/restoreSession';
import type { ServerConfig, TlsTrust } from '../../core/model/serverConfig';
import type { ServerRegistry } from '../serverRegistry';
import { configuredApiVersion, isServerKind } from '../../core/kinds/serverKinds';

/** Environment variable naming a JSON file of servers to add on activation (`npm run demo`, tests). */
export const BOOTSTRAP_ENVIRONMENT_VARIABLE = 'VEEAM_RESTORE_SESSIONS_BOOTSTRAP';

interface BootstrapServer {
  kind: ServerKind;
  url: string;
  name: string;
  username: string;
  password: string;
  apiVersion?: string;
  trust?: TlsTrust;
}

/**
 * Adds every server of the bootstrap file that is not configured yet (same kind, URL and user): the definition
 * into settings, the password into SecretStorage, nowhere else. Returns how many were added; a missing or broken
 * file adds nothing (and says why in the log).
 */
export async function importBootstrapServers(
  registry: Pick<ServerRegistry, 'findMatching' | 'add'>,
  log: { info(message: string): void; warn(message: string): void },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const file = env[BOOTSTRAP_ENVIRONMENT_VARIABLE];
  if (!file) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    log.warn(`bootstrap file ${file} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    return 0;
  }
  const entries = (parsed as { servers?: unknown } | null)?.servers;
  if (!Array.isArray(entries)) {
    log.warn(`bootstrap file ${file} has no "servers" array`);
    return 0;
  }
  let added = 0;
  for (const entry of entries) {
    const server = toBootstrapServer(entry);
    if (!server) {
      log.warn('bootstrap: skipped an entry without kind, url, username and password');
      continue;
    }
    if (registry.findMatching(server.kind, server.url, server.username).length > 0) continue;
    const config: ServerConfig = {
      id: randomUUID(),
      kind: server.kind,
      url: server.url,
      name: server.name,
      username: server.username,
      trust: server.trust ?? { mode: 'system' },
    };
    const apiVersion = configuredApiVersion(server.kind, server.apiVersion);
    if (apiVersion) config.apiVersion = apiVersion;
    await registry.add(config, server.password);
    log.info(`bootstrap: added ${config.name} (${config.kind}, ${config.url})`);
    added += 1;
  }
  return added;
}

function toBootstrapServer(value: unknown): BootstrapServer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!isServerKind(v.kind) || typeof v.url !== 'string' || typeof v.username !== 'string' || typeof v.password !== 'string') {
    return undefined;
  }
  const url = v.url.trim().replace(/\/+$/, '');
  return {
    kind: v.kind,
    url,
    name: typeof v.name === 'string' && v.name.trim() ? v.name.trim() : url,
    username: v.username,
    password: v.password,
    apiVersion: typeof v.apiVersion === 'string' ? v.apiVersion : undefined,
    trust: toTrust(v.trust),
  };
}

function toTrust(value: unknown): TlsTrust | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.mode === 'fingerprint' && typeof v.sha256 === 'string') return { mode: 'fingerprint', sha256: v.sha256 };
  if (v.mode === 'ca' && typeof v.caPem === 'string') return { mode: 'ca', caPem: v.caPem };
  if (v.mode === 'system') return { mode: 'system' };
  return undefined;
}
