import * as vscode from 'vscode';
import type { ServerConfig, TlsTrust } from '../../core/model/serverConfig';
import { SECTION } from '../settings';
import { isServerKind, kindDescriptor } from '../../core/kinds/serverKinds';

const KEY = 'servers';

/**
 * Server definitions in the user setting `veeamRestoreSessions.servers` (application scope, so a workspace cannot
 * point the extension at another server or CA). Holds no secret. Hand-edited entries are validated; broken
 * ones are skipped rather than failing the whole list.
 */
export function readServers(): ServerConfig[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>(KEY, []);
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const servers: ServerConfig[] = [];
  for (const entry of raw) {
    const server = toServerConfig(entry);
    if (server && !seen.has(server.id)) {
      seen.add(server.id);
      servers.push(server);
    }
  }
  return servers;
}

export async function writeServers(servers: readonly ServerConfig[]): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(KEY, servers.map(toStored), vscode.ConfigurationTarget.Global);
}

export function affectsServers(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SECTION}.${KEY}`);
}

/** Only the known fields are written back: nothing unexpected (least of all a secret) rides along. */
function toStored(server: ServerConfig): ServerConfig {
  const stored: ServerConfig = { id: server.id, kind: server.kind, url: server.url, name: server.name, username: server.username, trust: server.trust };
  if (kindDescriptor(server.kind).apiVersions && server.apiVersion) stored.apiVersion = server.apiVersion;
  return stored;
}

function toServerConfig(value: unknown): ServerConfig | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const kind = isServerKind(v.kind) ? v.kind : undefined;
  if (!kind || !isText(v.id) || !isText(v.url) || !isText(v.username)) return undefined;
  const server: ServerConfig = {
    id: v.id,
    kind,
    url: v.url,
    name: isText(v.name) ? v.name : v.url,
    username: v.username,
    trust: toTrust(v.trust),
  };
  if (kindDescriptor(kind).apiVersions && isText(v.apiVersion)) server.apiVersion = v.apiVersion;
  return server;
}

function toTrust(value: unknown): TlsTrust {
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if (v.mode === 'fingerprint' && isText(v.sha256)) return { mode: 'fingerprint', sha256: v.sha256 };
    if (v.mode === 'ca' && isText(v.caPem)) return { mode: 'ca', caPem: v.caPem };
  }
  return { mode: 'system' };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
