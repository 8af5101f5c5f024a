import * as vscode from 'vscode';
import type { BodyFormat } from '../../core/model/restoreSession';
import { Disposable } from '../lifecycle';
import type { ServerAccess } from '../panel/panelDependencies';
import { errorLogText, toPanelError } from '../panel/panelError';
import { isHrefOfServer } from '../panel/relatedHref';
import type { SessionRef } from '../sessionRef';
import { parseRawDocumentQuery, rawDocumentAddress, withOtherFormat, type RawDocumentTarget } from './rawDocumentAddress';
import { servesSeveralFormats } from '../../core/kinds/serverKinds';

/** URI scheme of raw response documents: `veeam-restore:/<serverName>/<session name> (<id prefix>).xml?server=<id>&session=<id>&format=xml`. */
export const RAW_SCHEME = 'veeam-restore';

export const TOGGLE_RAW_FORMAT_COMMAND = 'veeamRestoreSessions.toggleRawFormat';
export const REFRESH_RAW_DOCUMENT_COMMAND = 'veeamRestoreSessions.refreshRawDocument';
/** True while the active editor is a raw document of an Enterprise Manager server (XML ⇄ JSON possible). */
export const RAW_CAN_TOGGLE_CONTEXT = 'veeamRestoreSessions.rawDocumentCanToggleFormat';

/**
 * Read-only documents holding a server response exactly as received (content-provider documents cannot be
 * edited). Fetched through the registry's client, cached per URI until refreshed or closed.
 * Constructing it registers the provider and its two editor commands; dispose to unregister.
 */
export class RawDocumentProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changeEmitter.event;
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly registry: ServerAccess,
    private readonly log?: vscode.LogOutputChannel,
    /** The name a session is known by (list or panel), for the tab title; the address does not depend on it otherwise. */
    private readonly sessionName: (ref: SessionRef) => string | undefined = () => undefined,
  ) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(RAW_SCHEME, this));
    this._register(vscode.commands.registerCommand(TOGGLE_RAW_FORMAT_COMMAND, (uri?: vscode.Uri) => this.toggleFormat(uri)));
    this._register(vscode.commands.registerCommand(REFRESH_RAW_DOCUMENT_COMMAND, (uri?: vscode.Uri) => this.refresh(uri)));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.cache.delete(doc.uri.toString())));
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this.updateToggleContext(editor)));
    this.updateToggleContext(vscode.window.activeTextEditor);
  }

  /** Opens the raw response of one session ("Open Raw Response"). */
  open(ref: SessionRef, format: BodyFormat): Promise<void> {
    return this.show({ serverId: ref.serverId, sessionId: ref.sessionId, format });
  }

  /** Opens a related resource (an EM link such as the backup server) as a raw document. */
  async openHref(serverId: string, href: string, format: BodyFormat): Promise<void> {
    const server = this.registry.get(serverId);
    if (!server || !isHrefOfServer(server.url, href, (await this.registry.getClient(serverId)).advertisedOrigins())) {
      throw new Error('Only links to the configured server can be opened.');
    }
    return this.show({ serverId, href, format });
  }

  uriFor(target: RawDocumentTarget): vscode.Uri {
    const serverName = this.registry.get(target.serverId)?.name ?? target.serverId;
    const name = target.sessionId !== undefined ? this.sessionName({ serverId: target.serverId, sessionId: target.sessionId }) : undefined;
    const { path, query } = rawDocumentAddress(serverName, target, name);
    return vscode.Uri.from({ scheme: RAW_SCHEME, path, query });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const key = uri.toString();
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const target = parseRawDocumentQuery(uri.query);
    if (!target) throw new Error('This is not a Veeam raw document address.');
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      const text = await this.fetch(target, abort.signal);
      this.cache.set(key, text);
      return text;
    } catch (error) {
      this.log?.warn(`Raw document ${uri.path}: ${errorLogText(error)}`);
      throw new Error(toPanelError(error).message);
    } finally {
      subscription.dispose();
    }
  }

  /** Drops the cached text and fetches again. */
  refresh(uri: vscode.Uri | undefined = vscode.window.activeTextEditor?.document.uri): void {
    if (uri?.scheme !== RAW_SCHEME) return;
    this.cache.delete(uri.toString());
    this.changeEmitter.fire(uri);
  }

  /** Opens the same resource in the other representation (EM: XML ⇄ JSON). */
  async toggleFormat(uri: vscode.Uri | undefined = vscode.window.activeTextEditor?.document.uri): Promise<void> {
    if (uri?.scheme !== RAW_SCHEME) return;
    const target = parseRawDocumentQuery(uri.query);
    if (!target) return;
    const kind = this.registry.get(target.serverId)?.kind;
    if (!kind || !servesSeveralFormats(kind)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This server serves its documents in one format only.'));
      return;
    }
    await this.show(withOtherFormat(target));
  }

  private async fetch(target: RawDocumentTarget, signal: AbortSignal): Promise<string> {
    const server = this.registry.get(target.serverId);
    if (!server) throw new Error('The server of this document is no longer configured.');
    const client = await this.registry.getClient(target.serverId);
    // Checked again here, before any request: the URI may come from anywhere (a restored editor, another extension).
    if (target.href !== undefined && !isHrefOfServer(server.url, target.href, client.advertisedOrigins())) {
      throw new Error('Only links to the configured server can be opened.');
    }
    if (target.href !== undefined) return (await client.getRaw(target.href, target.format, signal)).text;
    const format = servesSeveralFormats(server.kind) ? target.format : undefined;
    const session = await client.getSession(target.sessionId, { format, signal });
    if (!session.raw) throw new Error('The server response was not kept for this session.');
    return session.raw.text;
  }

  private async show(target: RawDocumentTarget): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uriFor(target));
    const language = target.format === 'xml' ? 'xml' : 'json';
    const shown = document.languageId === language ? document : await vscode.languages.setTextDocumentLanguage(document, language);
    await vscode.window.showTextDocument(shown, { preview: true });
  }

  private updateToggleContext(editor: vscode.TextEditor | undefined): void {
    const uri = editor?.document.uri;
    const target = uri?.scheme === RAW_SCHEME ? parseRawDocumentQuery(uri.query) : undefined;
    const kind = target && this.registry.get(target.serverId)?.kind;
    const canToggle = kind !== undefined && servesSeveralFormats(kind);
    void vscode.commands.executeCommand('setContext', RAW_CAN_TOGGLE_CONTEXT, canToggle);
  }
}
