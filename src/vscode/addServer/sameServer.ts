import type { ServerConfig } from '../../core/model/serverConfig';

/**
 * The configured server a new one would repeat: same kind, same origin (host case and default-port spelling aside)
 * and the same user, compared without case as Windows accounts are. VS Code-free.
 */
export function findSameServer(servers: readonly ServerConfig[], draft: Pick<ServerConfig, 'kind' | 'url' | 'username'>): ServerConfig | undefined {
  const origin = originOf(draft.url);
  const user = draft.username.trim().toLowerCase();
  return servers.find((s) => s.kind === draft.kind && originOf(s.url) === origin && s.username.trim().toLowerCase() === user);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url.toLowerCase();
  }
}
