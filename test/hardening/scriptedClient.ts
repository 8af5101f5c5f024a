import type { ClientOptions } from '../../src/core/clients/createClient';
import { createRestoreSessionClient } from '../../src/core/clients/createClient';
import type { Logger, RestoreSessionClient } from '../../src/core/clients/restoreSessionClient';
import type { HttpOptions } from '../../src/core/http/httpOptions';
import type { ServerKind } from '../../src/core/model/restoreSession';
import type { TlsTrust } from '../../src/core/model/serverConfig';
import { SCRIPTED_SECRETS } from './scriptedSignIn';

/** Log lines the clients wrote during a test (checked for secrets). */
export const capturedLogLines: string[] = [];
const captureLog: Logger = (level, message) => {
  capturedLogLines.push(`${level} ${message}`);
};

/** Real clients against scripted servers; all disposed together. */
export class ScriptedClients {
  private readonly clients: RestoreSessionClient[] = [];

  create(kind: ServerKind, url: string, trust: TlsTrust, http: Partial<HttpOptions> = {}, extra: Partial<ClientOptions> = {}): RestoreSessionClient {
    const client = createRestoreSessionClient({
      server: { id: `hostile-${kind}`, kind, url, name: `scripted ${kind}`, username: SCRIPTED_SECRETS.username, apiVersion: kind === 'vb365' ? 'v8' : undefined, trust },
      password: async () => SCRIPTED_SECRETS.password,
      logger: captureLog,
      http: { retries: 0, ...http },
      ...extra,
    });
    this.clients.push(client);
    return client;
  }

  async disposeAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.dispose()));
  }
}

export function pinned(fingerprint256: string): TlsTrust {
  return { mode: 'fingerprint', sha256: fingerprint256 };
}
