import * as vscode from 'vscode';
import type { SessionFilter } from '../../core/clients/restoreSessionClient';
import { resultName, stateName } from '../../shared/sessionLabels';
import { describeFilter, FILTER_RESULTS, FILTER_STATES, toSessionFilter } from '../tree/sessionFilterState';
import { isPlainArgument } from './commandArguments';
import type { CommandContext } from './commandContext';
import { SERVER_KINDS } from '../../core/kinds/serverKinds';

interface ChoiceItem extends vscode.QuickPickItem {
  group: 'state' | 'result' | 'type';
  value: string;
}


/** Filter… (multi-select of state/result/type, then text) and Clear Filter. `{ states, results, types, text }` without UI. */
export function registerFilter(ctx: CommandContext): vscode.Disposable[] {
  const apply = (filter: SessionFilter | undefined): void => {
    ctx.store.setFilter(filter);
    const description = describeFilter(filter, vscode.l10n.t);
    ctx.treeView.description = description;
    // A view alone in its container has its header (and so its description) merged away: the message above the
    // tree is what keeps an active filter visible.
    ctx.treeView.message = description
      ? vscode.l10n.t('{0} (Clear Filter in the view title shows all sessions)', description)
      : undefined;
    void vscode.commands.executeCommand('setContext', 'veeamRestoreSessions.filterActive', filter !== undefined);
  };
  return [
    vscode.commands.registerCommand('veeamRestoreSessions.filter', async (arg?: unknown) => {
      // A filter given as an argument applies without asking. Anything else (the title button passes the focused
      // tree node) opens the picker.
      if (isFilterArgument(arg)) {
        apply(toSessionFilter(arg));
        return;
      }
      const current = ctx.store.filter;
      const items: Array<ChoiceItem | vscode.QuickPickItem> = [
        { label: vscode.l10n.t('State'), kind: vscode.QuickPickItemKind.Separator },
        ...FILTER_STATES.map((s) => ({ group: 'state' as const, value: s, label: stateName(s, vscode.l10n.t), picked: current?.states?.includes(s) })),
        { label: vscode.l10n.t('Result'), kind: vscode.QuickPickItemKind.Separator },
        ...FILTER_RESULTS.map((r) => ({ group: 'result' as const, value: r, label: resultName(r, vscode.l10n.t), picked: current?.results?.includes(r) })),
        // Types per kind: each API has its own words for its restores.
        ...SERVER_KINDS.flatMap((kind) => [
          { label: vscode.l10n.t('Type · {0}', vscode.l10n.t(kind.shortName)), kind: vscode.QuickPickItemKind.Separator },
          ...kind.filterTypes.map((t) => ({ group: 'type' as const, value: t.type, label: t.label, description: t.type, picked: current?.types?.includes(t.type) })),
        ]),
      ];
      const picked = await vscode.window.showQuickPick(items, {
        canPickMany: true,
        title: vscode.l10n.t('Filter Restore Sessions (1/2)'),
        placeHolder: vscode.l10n.t('Choose states, results and types (none = all)'),
      });
      if (!picked) return;
      const chosen = picked.filter((p): p is ChoiceItem => 'group' in p);
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Restore Sessions (2/2)'),
        prompt: vscode.l10n.t('Name contains (optional)'),
        value: current?.text ?? '',
      });
      if (text === undefined) return;
      apply(
        toSessionFilter({
          states: chosen.filter((c) => c.group === 'state').map((c) => c.value),
          results: chosen.filter((c) => c.group === 'result').map((c) => c.value),
          types: chosen.filter((c) => c.group === 'type').map((c) => c.value),
          text,
        }),
      );
    }),
    vscode.commands.registerCommand('veeamRestoreSessions.clearFilter', () => apply(undefined)),
  ];
}

const FILTER_KEYS: ReadonlySet<string> = new Set(['states', 'results', 'types', 'text']);

function isFilterArgument(arg: unknown): arg is Parameters<typeof toSessionFilter>[0] {
  return isPlainArgument(arg) && Object.keys(arg).length > 0 && Object.keys(arg).every((key) => FILTER_KEYS.has(key));
}
