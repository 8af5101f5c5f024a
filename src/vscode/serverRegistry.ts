import * as vscode from 'vscode';
import type { RestoreSessionClient, TokenStore } from '../core/clients/restoreSessionClient';
import type { ServerConfig } from '../core/model/serverConfig';
import { Disposable } from './lifecycle';
import { loadProtocol } from './protocolLoader';
import { ServerSecrets } from './servers/serverSecrets';
import { affectsServers, readServers, writeServers } from './servers/serverSettings';

/** Asks the user for a server's password; undefined when dismissed. */
export type PasswordPrompt = (server: ServerConfig) => Thenable<string | undefined>;

const LOGOFF_GRACE_MS = 5000;

/**
 * The configured servers (settings), their secrets (SecretStorage) and one lazily created client per server.
 * A missing password is asked for once, shared by concurrent callers; a dismissed prompt marks the server
 * signed out until the user signs in again, so polling never re-prompts.
 */
export class ServerRegistry extends Disposable {
  private readonly _onDidChangeServers = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeServers: vscode.Event<void> = this._onDidChangeServers.event;
  private readonly _onDidChangeSignIn = this._register(new vscode.EventEmitter<string>());
  /** A server was signed out or signed in again (fires its id). */
  readonly onDidChangeSignIn: vscode.Event<string> = this._onDidChangeSignIn.event;

  private servers: ServerConfig[] = readServers();
  private readonly clients = new Map<string, Promise<RestoreSessionClient>>();
  private readonly passwordPrompts = new Map<string, Promise<string | undefined>>();
  private readonly signedOut = new Set<string>();
  private readonly secrets: ServerSecrets;

  constructor(
    secretStorage: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    private readonly askPassword: PasswordPrompt,
  ) {
    super();
    this.secrets = new ServerSecrets(secretStorage);
    this._register(vscode.workspace.onDidChangeConfiguration((e) => affectsServers(e) && this.reload()));
  }

  list(): ServerConfig[] {
    return [...this.servers];
  }

  get(id: string): ServerConfig | undefined {
    return this.servers.find((s) => s.id === id);
  }

  /** Same kind, origin and user: what "already configured" means for imports and lookups. */
  findMatching(kind: ServerConfig['kind'], url: string, username?: string): ServerConfig[] {
    const origin = originOf(url);
    return this.servers.filter((s) => s.kind === kind && originOf(s.url) === origin && (username === undefined || s.username === username));
  }

  isSignedOut(id: string): boolean {
    return this.signedOut.has(id);
  }

  getClient(serverId: string): Promise<RestoreSessionClient> {
    let client = this.clients.get(serverId);
    if (!client) {
      const server = this.get(serverId);
      if (!server) return Promise.reject(new Error(vscode.l10n.t('The server is no longer configured.')));
      client = this.createClient(server, () => this.passwordFor(serverId));
      // A failed load (e.g. a broken protocol bundle) must not be cached forever.
      client.catch(() => this.clients.delete(serverId));
      this.clients.set(serverId, client);
    }
    return client;
  }

  /**
   * A client for a definition that may not be saved yet (Add Server and Edit Server connect before saving).
   * Detached clients keep their token in memory only, so an abandoned attempt leaves no secret behind.
   */
  async createClient(
    server: ServerConfig,
    password: () => Promise<string | undefined>,
    options: { detached?: boolean } = {},
  ): Promise<RestoreSessionClient> {
    const { createRestoreSessionClient } = await loadProtocol();
    return createRestoreSessionClient({
      server,
      password,
      tokenStore: options.detached ? memoryTokenStore() : this.secrets.tokenStore(server.id),
      logger: (level, message) => this.log[level](`${server.name}: ${message}`),
      // Request lines are debug lines: at the default level (Info) the channel drops them, so they are not built.
      logsRequests: () => this.log.logLevel !== vscode.LogLevel.Off && this.log.logLevel <= vscode.LogLevel.Debug,
    });
  }

  /** The stored password, for re-testing a connection while editing a server. Never logged or shown. */
  storedPassword(id: string): Thenable<string | undefined> {
    return this.secrets.getPassword(id);
  }

  /** Saves a new server: definition into settings, password into SecretStorage; adopts an already connected client. */
  async add(server: ServerConfig, password: string, connected?: RestoreSessionClient): Promise<void> {
    await this.secrets.setPassword(server.id, password);
    if (connected) this.clients.set(server.id, Promise.resolve(connected));
    this.servers = [...this.servers.filter((s) => s.id !== server.id), server];
    await writeServers(this.servers);
    this._onDidChangeServers.fire();
  }

  /** Edits or renames; a changed address, user or trust gets a fresh client. */
  async update(server: ServerConfig, password?: string): Promise<void> {
    const previous = this.get(server.id);
    if (!previous) throw new Error(vscode.l10n.t('The server is no longer configured.'));
    const reconnect =
      password !== undefined ||
      previous.url !== server.url ||
      previous.username !== server.username ||
      previous.apiVersion !== server.apiVersion ||
      JSON.stringify(previous.trust) !== JSON.stringify(server.trust);
    if (reconnect) {
      await this.closeClient(server.id, true);
      await this.secrets.deleteToken(server.id);
      if (password !== undefined) await this.secrets.setPassword(server.id, password);
      this.setSignedOut(server.id, false);
    }
    this.servers = this.servers.map((s) => (s.id === server.id ? server : s));
    await writeServers(this.servers);
    this._onDidChangeServers.fire();
  }

  /** Logs off on the server, deletes its secrets, disposes its client and drops the definition. */
  async remove(id: string): Promise<void> {
    await this.closeClient(id, true);
    await this.secrets.deleteAll(id);
    this.signedOut.delete(id);
    this.servers = this.servers.filter((s) => s.id !== id);
    await writeServers(this.servers);
    this._onDidChangeServers.fire();
  }

  /** Logs off and forgets the token and password; the server stays configured, shown as signed out. */
  async signOut(id: string): Promise<void> {
    await this.closeClient(id, true);
    await this.secrets.deleteAll(id);
    this.setSignedOut(id, true);
  }

  /** Stores a new password (asks when none is given). Resolves false when the user dismissed the prompt. */
  async signIn(id: string, password?: string): Promise<boolean> {
    const server = this.get(id);
    if (!server) return false;
    const value = password ?? (await this.askPassword(server));
    if (!value) return false;
    await this.closeClient(id, false);
    await this.secrets.deleteToken(id);
    await this.secrets.setPassword(id, value);
    this.setSignedOut(id, false);
    return true;
  }

  hasStoredPassword(id: string): Thenable<boolean> {
    return this.secrets.getPassword(id).then((p) => p !== undefined);
  }

  override dispose(): void {
    for (const client of this.clients.values()) void client.then((c) => c.dispose()).catch(() => undefined);
    this.clients.clear();
    super.dispose();
  }

  private async passwordFor(serverId: string): Promise<string | undefined> {
    const stored = await this.secrets.getPassword(serverId);
    if (stored) return stored;
    if (this.signedOut.has(serverId)) return undefined;
    let prompt = this.passwordPrompts.get(serverId);
    if (!prompt) {
      prompt = this.promptPassword(serverId).finally(() => this.passwordPrompts.delete(serverId));
      this.passwordPrompts.set(serverId, prompt);
    }
    return prompt;
  }

  private async promptPassword(serverId: string): Promise<string | undefined> {
    const server = this.get(serverId);
    const value = server ? await this.askPassword(server) : undefined;
    if (value) {
      await this.secrets.setPassword(serverId, value);
      return value;
    }
    this.setSignedOut(serverId, true);
    return undefined;
  }

  private setSignedOut(id: string, signedOut: boolean): void {
    if (this.signedOut.has(id) === signedOut) return;
    if (signedOut) this.signedOut.add(id);
    else this.signedOut.delete(id);
    this._onDidChangeSignIn.fire(id);
  }

  private async closeClient(id: string, logoff: boolean): Promise<void> {
    const pending = this.clients.get(id);
    this.clients.delete(id);
    if (!pending) return;
    try {
      const client = await pending;
      if (logoff) {
        // Best effort: an unreachable server must not block removing it.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([client.logoff().catch(() => undefined), new Promise((r) => (timer = setTimeout(r, LOGOFF_GRACE_MS)))]);
        clearTimeout(timer);
      }
      await client.dispose();
    } catch (e) {
      this.log.debug(`closing the client of ${id} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private reload(): void {
    const next = readServers();
    for (const old of this.servers) {
      const now = next.find((s) => s.id === old.id);
      // A rename keeps the client; a changed address, user, version or trust (or removal) closes it.
      if (!now || !sameConnection(now, old)) void this.closeClient(old.id, !now);
    }
    if (JSON.stringify(next) === JSON.stringify(this.servers)) return;
    this.servers = next;
    this._onDidChangeServers.fire();
  }
}

function sameConnection(a: ServerConfig, b: ServerConfig): boolean {
  return a.url === b.url && a.username === b.username && a.apiVersion === b.apiVersion && JSON.stringify(a.trust) === JSON.stringify(b.trust);
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

function memoryTokenStore(): TokenStore {
  let token: string | undefined;
  return {
    load: async () => token,
    save: async (value) => {
      token = value;
    },
  };
}
