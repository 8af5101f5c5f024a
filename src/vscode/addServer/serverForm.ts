import * as vscode from 'vscode';
import { SERVER_KINDS, kindDescriptor, type ServerKind } from '../../core/kinds/serverKinds';
import type { TlsTrust } from '../../core/model/serverConfig';
import { BACK, inputStep, pickStep, type StepAnswer } from './quickInputStep';
import { normaliseServerUrl } from './serverUrl';

/** A server definition being entered; `password` undefined while editing means "keep the stored one". */
export interface ServerDraft {
  id: string;
  kind: ServerKind;
  apiVersion?: string;
  url: string;
  name: string;
  username: string;
  password?: string;
  trust: TlsTrust;
}

export type FormStep = 'kind' | 'apiVersion' | 'url' | 'name' | 'username' | 'password';
const STEPS: readonly FormStep[] = ['kind', 'apiVersion', 'url', 'name', 'username', 'password'];

interface KindItem extends vscode.QuickPickItem {
  serverKind: ServerKind;
}

/**
 * The multi-step Add/Edit Server input (step numbers, Back button). Starts at `startAt` (a retry after bad
 * credentials starts at the username and keeps the rest). Resolves undefined when the user dismisses it.
 */
export async function runServerForm(
  initial: Partial<ServerDraft> & { id: string },
  options: { editing: boolean; startAt?: FormStep },
): Promise<ServerDraft | undefined> {
  const draft: Partial<ServerDraft> & { id: string } = { trust: { mode: 'system' }, ...initial };
  const title = options.editing ? vscode.l10n.t('Edit Veeam Server') : vscode.l10n.t('Add Veeam Server');
  const applies = (step: FormStep): boolean => step !== 'apiVersion' || asksApiVersion(draft.kind, options.editing);
  let index = STEPS.indexOf(options.startAt ?? 'kind');
  while (index < STEPS.length) {
    const step = STEPS[index];
    if (!applies(step)) {
      index += 1;
      continue;
    }
    const visible = STEPS.filter(applies);
    const position = { title, step: visible.indexOf(step) + 1, totalSteps: visible.length };
    const answer = await ask(step, draft, position, options.editing);
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      do index -= 1;
      while (index > 0 && !applies(STEPS[index]));
      index = Math.max(0, index);
      continue;
    }
    index += 1;
  }
  const { kind, url, name, username } = draft;
  if (!kind || !url || !name || !username) return undefined;
  return { ...draft, kind, url, name, username, trust: draft.trust ?? { mode: 'system' } };
}

type Position = { title: string; step: number; totalSteps: number };

async function ask(step: FormStep, draft: Partial<ServerDraft>, position: Position, editing: boolean): Promise<StepAnswer<true>> {
  switch (step) {
    case 'kind': {
      const items: KindItem[] = SERVER_KINDS.map((k) => ({
        serverKind: k.id,
        label: vscode.l10n.t(k.productName),
        description: vscode.l10n.t('{0} · port {1}', vscode.l10n.t(k.coverage), k.defaultPort),
      }));
      const picked = await pickStep({ ...position, placeholder: vscode.l10n.t('Which kind of Veeam server?'), items, active: items.find((i) => i.serverKind === draft.kind) });
      if (picked === undefined || picked === BACK) return picked;
      if (draft.kind && picked.serverKind !== draft.kind && draft.url) {
        // Swap a default port that belonged to the other kind.
        draft.url = draft.url.replace(`:${kindDescriptor(draft.kind).defaultPort}`, `:${kindDescriptor(picked.serverKind).defaultPort}`);
      }
      if (picked.serverKind !== draft.kind) draft.apiVersion = undefined;
      draft.kind = picked.serverKind;
      return true;
    }
    case 'apiVersion': {
      const versions = draft.kind ? kindDescriptor(draft.kind).apiVersions : undefined;
      if (!versions) return true;
      const negotiated = versions.selection === 'negotiated';
      const items: Array<vscode.QuickPickItem & { version: string | undefined }> = [...versions.known].reverse().map((v) => ({
        version: v,
        label: v,
        description: v === versions.latest ? vscode.l10n.t('latest ({0})', versions.releaseOf(v) ?? v) : versions.releaseOf(v),
      }));
      if (negotiated) {
        items.unshift({
          version: undefined,
          label: vscode.l10n.t('Newest the server accepts'),
          description: vscode.l10n.t('starts at {0} and falls back when the server answers that it does not support it', versions.latest),
        });
      }
      const current = draft.apiVersion ?? (negotiated ? undefined : versions.latest);
      const picked = await pickStep({ ...position, placeholder: vscode.l10n.t('REST API version'), items, active: items.find((i) => i.version === current) });
      if (picked === undefined || picked === BACK) return picked;
      draft.apiVersion = picked.version;
      return true;
    }
    case 'url': {
      const kind = draft.kind ?? SERVER_KINDS[0].id;
      // Empty, not a `https://:port` template: the common case is pasting a full URL, which a template would
      // wrap into `https://https://host:port:port`. A known address comes fully selected, so a paste replaces it.
      const value = draft.url ?? '';
      const answer = await inputStep({
        ...position,
        prompt: vscode.l10n.t('Server address: paste the URL, or type host or host:port (https, default port {0})', kindDescriptor(kind).defaultPort),
        placeholder: `https://veeam.example.com:${kindDescriptor(kind).defaultPort}`,
        value,
        valueSelection: value ? [0, value.length] : undefined,
        validate: (v) => {
          const result = normaliseServerUrl(v, kind, vscode.l10n.t);
          return 'error' in result ? result.error : undefined;
        },
      });
      if (answer === undefined || answer === BACK) return answer;
      const result = normaliseServerUrl(answer, kind, vscode.l10n.t);
      if ('error' in result) return undefined;
      if (draft.url !== result.origin) draft.trust = { mode: 'system' };
      draft.url = result.origin;
      if (!draft.name) draft.name = result.host;
      return true;
    }
    case 'name': {
      const answer = await inputStep({
        ...position,
        prompt: vscode.l10n.t('Display name'),
        value: draft.name ?? '',
        validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a name.')),
      });
      if (answer === undefined || answer === BACK) return answer;
      draft.name = answer.trim();
      return true;
    }
    case 'username': {
      const answer = await inputStep({
        ...position,
        prompt: vscode.l10n.t('User name (DOMAIN\\user or user@domain)'),
        value: draft.username ?? '',
        validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a user name.')),
      });
      if (answer === undefined || answer === BACK) return answer;
      draft.username = answer.trim();
      return true;
    }
    case 'password': {
      const answer = await inputStep({
        ...position,
        prompt: editing ? vscode.l10n.t('Password (leave empty to keep the stored one)') : vscode.l10n.t('Password'),
        password: true,
        validate: (v) => (v || editing ? undefined : vscode.l10n.t('Enter the password.')),
      });
      if (answer === undefined || answer === BACK) return answer;
      draft.password = answer || undefined;
      return true;
    }
  }
}

/** A kind with versions to choose asks for one; one that negotiates only when editing (the override). */
function asksApiVersion(kind: ServerKind | undefined, editing: boolean): boolean {
  const versions = kind ? kindDescriptor(kind).apiVersions : undefined;
  if (!versions) return false;
  return versions.selection === 'chosen' || editing;
}
