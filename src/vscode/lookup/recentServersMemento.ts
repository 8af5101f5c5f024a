import type * as vscode from 'vscode';
import { RecentServers } from './recentServers';

const KEY = 'veeamRestoreSessions.recentServers';

/** The most-recently-used server order, kept in globalState (server ids only, no secrets). */
export class RecentServersMemento {
  constructor(private readonly state: vscode.Memento) {}

  get(): RecentServers {
    return RecentServers.fromStored(this.state.get<unknown>(KEY));
  }

  async touch(serverId: string): Promise<void> {
    await this.state.update(KEY, [...this.get().touch(serverId).ids]);
  }
}
