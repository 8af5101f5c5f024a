import type { RestoreSessionClient } from '../../src/core/clients/restoreSessionClient';
import type { ServerConfig } from '../../src/core/model/serverConfig';
import type { SessionMonitorOptions } from '../../src/vscode/monitor/sessionMonitor';

/**
 * The registry the real store, tree and monitor see in unit tests under the `vscode` stand-in: one server, always
 * signed in, with a password, never changing. `vscode` is the stand-in module (its EventEmitter).
 */
export function oneServerRegistry(vscode: typeof import('vscode'), server: ServerConfig, client: RestoreSessionClient): SessionMonitorOptions['registry'] {
  const never = new vscode.EventEmitter<never>();
  return {
    list: () => [server],
    get: (id: string) => (id === server.id ? server : undefined),
    getClient: async () => client,
    isSignedOut: () => false,
    hasStoredPassword: async () => true,
    onDidChangeServers: never.event,
    onDidChangeSignIn: never.event,
  } as unknown as SessionMonitorOptions['registry'];
}
