import type * as vscode from 'vscode';
import type { TokenStore } from '../../core/clients/restoreSessionClient';

/**
 * Passwords and session tokens in VS Code SecretStorage (the OS keychain), keyed by server id. They are never
 * written to settings, logs or globalState.
 */
export class ServerSecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  static passwordKey(serverId: string): string {
    return `veeamRestoreSessions.password.${serverId}`;
  }

  static tokenKey(serverId: string): string {
    return `veeamRestoreSessions.token.${serverId}`;
  }

  getPassword(serverId: string): Thenable<string | undefined> {
    return this.secrets.get(ServerSecrets.passwordKey(serverId));
  }

  async setPassword(serverId: string, password: string): Promise<void> {
    await this.secrets.store(ServerSecrets.passwordKey(serverId), password);
  }

  tokenStore(serverId: string): TokenStore {
    const key = ServerSecrets.tokenKey(serverId);
    return {
      load: async () => this.secrets.get(key),
      save: async (token) => {
        if (token) await this.secrets.store(key, token);
        else await this.secrets.delete(key);
      },
    };
  }

  async deleteToken(serverId: string): Promise<void> {
    await this.secrets.delete(ServerSecrets.tokenKey(serverId));
  }

  async deleteAll(serverId: string): Promise<void> {
    await Promise.all([this.secrets.delete(ServerSecrets.passwordKey(serverId)), this.deleteToken(serverId)]);
  }
}
