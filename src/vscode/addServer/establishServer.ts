import * as vscode from 'vscode';
import { configuredApiVersion } from '../../core/kinds/serverKinds';
import type { RestoreSessionClient } from '../../core/clients/restoreSessionClient';
import { isVeeamError } from '../../core/errors';
import type { ServerConfig } from '../../core/model/serverConfig';
import type { ServerRegistry } from '../serverRegistry';
import { askCertificateTrust } from './certificateTrust';
import { runServerForm, type ServerDraft } from './serverForm';

export interface EstablishedServer {
  config: ServerConfig;
  /** The password that worked (undefined while editing = the stored one still works). */
  password: string | undefined;
  client: RestoreSessionClient;
}

type Outcome = { client: RestoreSessionClient } | { error: unknown } | { cancelled: true };

/**
 * Connects once before anything is saved. Interactive: an untrusted certificate offers pinning (or a CA file),
 * bad credentials go back to the username step keeping the rest, other failures offer to edit the details.
 * Non-interactive (command arguments): the failure is thrown.
 */
export async function establishServer(
  registry: Pick<ServerRegistry, 'createClient' | 'storedPassword'>,
  initial: ServerDraft,
  options: { interactive: boolean; editing: boolean; log: vscode.LogOutputChannel },
): Promise<EstablishedServer | undefined> {
  let draft = initial;
  for (;;) {
    const config = toConfig(draft);
    const password = draft.password;
    const outcome = await connect(registry, config, password, options.interactive);
    if ('client' in outcome) {
      // Remembered: what the server accepted is where the next connection starts (no fallback round trip).
      const spoken = outcome.client.apiVersion?.();
      if (spoken && spoken !== config.apiVersion) config.apiVersion = spoken;
      return { config, password, client: outcome.client };
    }
    if ('cancelled' in outcome) return undefined;
    const error = outcome.error;
    if (!options.interactive) throw error;
    const code = isVeeamError(error) ? error.code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    let next: ServerDraft | undefined;
    if (code === 'tlsUntrusted' || code === 'certificateChanged') {
      const trust = await askCertificateTrust(config.url, options.log);
      if (trust) next = { ...draft, trust };
    } else if (code === 'authFailed') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sign-in to {0} failed: check the user name and password.', config.name));
      // Most often the password is what was mistyped: start there, Back reaches the user name.
      next = await runServerForm({ ...draft, password: undefined }, { editing: options.editing, startAt: 'password' });
    } else {
      const retry = vscode.l10n.t('Retry');
      const edit = vscode.l10n.t('Edit Details');
      const showLog = vscode.l10n.t('Show Log');
      // Modal: a toast could be dismissed by accident, and with it everything typed into the form.
      let choice: string | undefined;
      do {
        choice = await vscode.window.showErrorMessage(
          vscode.l10n.t('Could not connect to {0}.', config.name),
          { modal: true, detail: message },
          retry,
          edit,
          showLog,
        );
        if (choice === showLog) options.log.show(true);
      } while (choice === showLog);
      if (choice === retry) next = draft;
      if (choice === edit) next = await runServerForm(draft, { editing: options.editing, startAt: 'url' });
    }
    if (!next) return undefined;
    draft = next;
  }
}

async function connect(
  registry: Pick<ServerRegistry, 'createClient' | 'storedPassword'>,
  config: ServerConfig,
  password: string | undefined,
  interactive: boolean,
): Promise<Outcome> {
  const attempt = async (signal: AbortSignal): Promise<Outcome> => {
    const client = await registry.createClient(config, async () => password ?? (await registry.storedPassword(config.id)), { detached: true });
    try {
      await client.connect(signal);
      return { client };
    } catch (error) {
      await client.dispose().catch(() => undefined);
      if (signal.aborted || (isVeeamError(error) && error.code === 'cancelled')) return { cancelled: true };
      return { error };
    }
  };
  if (!interactive) return attempt(new AbortController().signal);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Connecting to {0}…', config.name), cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      return attempt(controller.signal).finally(() => subscription.dispose());
    },
  );
}

function toConfig(draft: ServerDraft): ServerConfig {
  const config: ServerConfig = { id: draft.id, kind: draft.kind, url: draft.url, name: draft.name, username: draft.username, trust: draft.trust };
  const apiVersion = configuredApiVersion(draft.kind, draft.apiVersion);
  if (apiVersion) config.apiVersion = apiVersion;
  return config;
}
