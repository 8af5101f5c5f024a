import * as vscode from 'vscode';
import { isRunning, type RestoreSessionSummary } from '../../core/model/restoreSession';
import { Disposable } from '../lifecycle';
import type { ServerRegistry } from '../serverRegistry';
import type { SessionListStore } from '../sessions/sessionListStore';
import type { SessionRef } from '../sessionRef';
import { ErrorNode } from './errorNode';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { ServerNode } from './serverNode';
import { SessionNode } from './sessionNode';
import { SignedOutNode } from './signedOutNode';

export type RestoreSessionTreeNode = ServerNode | SessionNode | LoadMoreNode | MessageNode | ErrorNode | SignedOutNode;

/** Coalesces bursts of store changes (a poll touching many sessions) into one tree update. */
const REFRESH_DEBOUNCE_MS = 300;

/**
 * Servers at the top, their restore sessions (newest first) below, state nodes where a list cannot be shown.
 * Renders the SessionListStore; asking for a server's children loads its first page.
 */
export class RestoreSessionTreeProvider extends Disposable implements vscode.TreeDataProvider<RestoreSessionTreeNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<RestoreSessionTreeNode | RestoreSessionTreeNode[] | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  /** VS Code has asked for a server's children again (the id) and is about to render them. */
  private readonly _onDidRenderChildren = this._register(new vscode.EventEmitter<string>());
  readonly onDidRenderChildren = this._onDidRenderChildren.event;

  private readonly serverNodes = new Map<string, ServerNode>();
  /**
   * The session nodes VS Code last received per server. A poll that changes rows but not which sessions are listed
   * updates these in place and refreshes only them: refreshing the server node makes VS Code drop its children until
   * it has fetched them again, and a context-menu command chosen in that gap gets no session (microsoft/vscode#144250).
   */
  private readonly renderedSessions = new Map<string, { nodes: SessionNode[]; hasMore: boolean }>();
  private readonly pending = new Set<string | undefined>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: Pick<ServerRegistry, 'list' | 'get'>,
    private readonly store: SessionListStore,
  ) {
    super();
    this._register(store.onDidChange((serverId) => this.schedule(serverId)));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  /** Re-renders one server (or everything) now. */
  refresh(serverId?: string): void {
    this.pending.add(serverId);
    this.flush();
  }

  getTreeItem(element: RestoreSessionTreeNode): vscode.TreeItem {
    // Session rows are built on demand: thousands of kept TreeItems were most of the tree's memory.
    return element instanceof SessionNode ? element.toTreeItem() : element;
  }

  /** Session tooltips are built on hover only: a page of them cost as much as fetching the page. */
  resolveTreeItem(item: vscode.TreeItem, element: RestoreSessionTreeNode): vscode.TreeItem {
    if (element instanceof SessionNode) item.tooltip = element.tooltipMarkdown();
    return item;
  }

  getParent(element: RestoreSessionTreeNode): RestoreSessionTreeNode | undefined {
    return element instanceof ServerNode ? undefined : element.parent;
  }

  async getChildren(element?: RestoreSessionTreeNode): Promise<RestoreSessionTreeNode[]> {
    if (!element) return this.serverChildren();
    if (!(element instanceof ServerNode)) return [];
    const serverId = element.server.id;
    await this.store.ensureLoaded(serverId);
    const nodes = this.sessionChildren(element);
    this._onDidRenderChildren.fire(serverId);
    return nodes;
  }

  private sessionChildren(element: ServerNode): RestoreSessionTreeNode[] {
    const serverId = element.server.id;
    this.updateServerNode(element);
    const status = this.store.status(serverId);
    const sessions = this.store.sessions(serverId);
    this.renderedSessions.delete(serverId);
    if (status.kind === 'signedOut') return [new SignedOutNode(element)];
    if (!sessions) {
      return status.kind === 'error' ? [new ErrorNode(element, status.message, status.retryAt)] : [];
    }
    if (sessions.length === 0) {
      return [
        this.store.filter
          ? new MessageNode(element, vscode.l10n.t('No restore sessions match the filter. Clear filter'), {
              command: 'veeamRestoreSessions.clearFilter',
              title: vscode.l10n.t('Clear Filter'),
            })
          : new MessageNode(element, vscode.l10n.t('No restore sessions')),
      ];
    }
    const sessionNodes = sessions.map((s) => new SessionNode(element, s));
    const hasMore = this.store.hasMore(serverId);
    this.renderedSessions.set(serverId, { nodes: sessionNodes, hasMore });
    const nodes: RestoreSessionTreeNode[] = sessionNodes;
    if (hasMore) nodes.push(new LoadMoreNode(element));
    return nodes;
  }

  /** The node of a loaded session, for TreeView.reveal. */
  findSessionNode(ref: SessionRef): SessionNode | undefined {
    // A new node with the same stable id: VS Code finds the rendered row by its id (nodes are not kept, see getTreeItem).
    const server = this.serverNodes.get(ref.serverId);
    const session = this.store.find(ref.serverId, ref.sessionId);
    return server && session ? new SessionNode(server, session) : undefined;
  }

  serverNode(serverId: string): ServerNode | undefined {
    return this.serverNodes.get(serverId);
  }

  private serverChildren(): ServerNode[] {
    const servers = this.registry.list();
    const keep = new Set(servers.map((s) => s.id));
    for (const id of [...this.serverNodes.keys()]) if (!keep.has(id)) this.serverNodes.delete(id);
    return servers.map((server) => {
      let node = this.serverNodes.get(server.id);
      if (node) node.update(server, this.store.status(server.id), this.store.version(server.id), this.runningOn(server.id));
      else {
        // One server opens expanded; with several, each starts collapsed so all of them stay in sight.
        node = new ServerNode(server, this.store.status(server.id), this.store.version(server.id), servers.length === 1, this.runningOn(server.id));
        this.serverNodes.set(server.id, node);
      }
      return node;
    });
  }

  private updateServerNode(node: ServerNode): void {
    const server = this.registry.get(node.server.id) ?? node.server;
    node.update(server, this.store.status(server.id), this.store.version(server.id), this.runningOn(server.id));
  }

  private runningOn(serverId: string): number {
    return (this.store.sessions(serverId) ?? []).filter(isRunning).length;
  }

  private schedule(serverId: string | undefined): void {
    this.pending.add(serverId);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), REFRESH_DEBOUNCE_MS);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.includes(undefined)) {
      this._onDidChangeTreeData.fire(undefined);
      return;
    }
    for (const id of ids) {
      const node = id === undefined ? undefined : this.serverNodes.get(id);
      if (node && id !== undefined) {
        const before = renderedServer(node);
        this.updateServerNode(node);
        const changed = renderedServer(node) === before ? this.updateSessionsInPlace(id) : undefined;
        if (changed) {
          if (changed.length > 0) this._onDidChangeTreeData.fire(changed);
          continue;
        }
      }
      // A server node VS Code has not rendered yet: refresh the root instead.
      this._onDidChangeTreeData.fire(node);
    }
  }

  /**
   * When the server still lists the same sessions in the same order as VS Code shows them, gives each shown node its
   * newer row and returns the nodes whose row changed; undefined when the server node has to be refreshed instead.
   */
  private updateSessionsInPlace(serverId: string): SessionNode[] | undefined {
    const rendered = this.renderedSessions.get(serverId);
    const sessions = this.store.sessions(serverId);
    if (!rendered || !sessions || this.store.status(serverId).kind !== 'ready') return undefined;
    if (sessions.length !== rendered.nodes.length || this.store.hasMore(serverId) !== rendered.hasMore) return undefined;
    if (rendered.nodes.some((node, i) => node.session.id !== sessions[i].id)) return undefined;
    const changed: SessionNode[] = [];
    rendered.nodes.forEach((node, i) => {
      if (sameRow(node.session, sessions[i])) return;
      node.session = sessions[i];
      changed.push(node);
    });
    return changed;
  }
}

/** What VS Code shows of a server node: a change there needs the node itself refreshed. */
function renderedServer(node: ServerNode): string {
  const tooltip = node.tooltip instanceof vscode.MarkdownString ? node.tooltip.value : String(node.tooltip ?? '');
  return [String(node.label ?? ''), String(node.description ?? ''), node.contextValue ?? '', tooltip].join('\n');
}

/** List rows are flat records of primitives: equal fields, equal row. */
function sameRow(a: RestoreSessionSummary, b: RestoreSessionSummary): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as Array<keyof RestoreSessionSummary>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
