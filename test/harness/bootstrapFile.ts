import * as fs from 'fs';
import * as path from 'path';
import type { SimulatorConnection } from './simulatorConnection';

/** One entry of the bootstrap file the extension imports on activation (VEEAM_RESTORE_SESSIONS_BOOTSTRAP). */
export interface BootstrapServer {
  kind: 'em' | 'vb365' | 'vbr';
  url: string;
  name: string;
  username: string;
  password: string;
  trust: { mode: 'fingerprint'; sha256: string };
}

/**
 * The simulator's servers, trusted by the fingerprint of its self-signed certificate. The UI suite leaves out
 * Backup & Replication: its walkthrough adds that server through the Add Server form, as a user would.
 */
export function simulatorBootstrapServers(simulator: SimulatorConnection, options: { backupReplication?: boolean } = {}): BootstrapServer[] {
  const trust = { mode: 'fingerprint' as const, sha256: simulator.fingerprint256 };
  const servers: BootstrapServer[] = [
    { kind: 'em', url: simulator.emUrl, name: 'Simulator · Enterprise Manager', ...simulator.credentials.em, trust },
    { kind: 'vb365', url: simulator.vb365Url, name: 'Simulator · Microsoft 365', ...simulator.credentials.vb365, trust },
  ];
  if (options.backupReplication ?? true) servers.push({ kind: 'vbr', url: simulator.vbrUrl, name: 'Simulator · Backup & Replication', ...simulator.credentials.vbr, trust });
  return servers;
}

/**
 * Writes the bootstrap file readable only by this user (it holds the simulator's passwords) and returns its path.
 * Callers put it into a per-run temporary folder that they delete afterwards.
 */
export function writeBootstrapFile(directory: string, servers: readonly BootstrapServer[]): string {
  fs.mkdirSync(directory, { recursive: true });
  const file = path.join(directory, 'bootstrap.json');
  fs.writeFileSync(file, JSON.stringify({ servers }, null, 2), { mode: 0o600 });
  return file;
}
