import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SERVER_KINDS } from '../../src/core/kinds/serverKinds';
import type { RestoreSessionSummary } from '../../src/core/model/restoreSession';
import type * as SessionNodeModule from '../../src/vscode/tree/sessionNode';
import type { ServerNode } from '../../src/vscode/tree/serverNode';
import { createVscodeStandIn, installVscodeStandIn } from '../bench/vscodeStandIn';

interface MenuEntry {
  command: string;
  when?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, MenuEntry[]> };
};
const nls = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.nls.json'), 'utf8')) as Record<string, string>;

function entries(command: string): Array<MenuEntry & { menu: string }> {
  return Object.entries(manifest.contributes.menus).flatMap(([menu, list]) => list.filter((e) => e.command === command).map((e) => ({ ...e, menu })));
}

describe('Export commands in the manifest and the tree', () => {
  it('contributes the commands with their titles, Export Sessions… on the view title, the server node and the palette', () => {
    for (const id of ['veeamRestoreSessions.exportSessions', 'veeamRestoreSessions.exportAllSessions', 'veeamRestoreSessions.exportLog']) {
      const command = manifest.contributes.commands.find((c) => c.command === id);
      assert.ok(command, `${id} is contributed`);
      assert.ok(nls[command.title.replace(/^%|%$/g, '')], `${id} has its title in package.nls.json`);
    }
    const menus = entries('veeamRestoreSessions.exportSessions').map((e) => e.menu);
    assert.deepStrictEqual(menus.sort(), ['commandPalette', 'view/item/context']);
    // The title button has its own command: VS Code passes a title action the focused node, which would narrow it.
    assert.deepStrictEqual(entries('veeamRestoreSessions.exportAllSessions').map((e) => `${e.menu} ${e.when}`).sort(), [
      'commandPalette false',
      'view/title view == veeamRestoreSessions.sessions && veeamRestoreSessions.hasServers',
    ]);
    assert.match(entries('veeamRestoreSessions.exportSessions').find((e) => e.menu === 'view/item/context')?.when ?? '', /viewItem =~ \/\^server \//);
  });

  it('shows Export Log… only where the kind has a log: the row word hasLog or the panel context key, never a kind name', () => {
    const logEntries = entries('veeamRestoreSessions.exportLog');
    assert.ok(logEntries.length >= 2);
    const kindIds = new RegExp(`\\b(${SERVER_KINDS.map((k) => k.id).join('|')})\\b`);
    for (const entry of logEntries) {
      const when = entry.when ?? '';
      assert.ok(/\\bhasLog\\b/.test(when) || /veeamRestoreSessions\.activePanelHasLog/.test(when), `${entry.menu}: ${when}`);
      assert.ok(!kindIds.test(when.replace(/veeamRestoreSessions\.\w+/g, '')), `${entry.menu} names a kind: ${when}`);
    }
  });

  it('a session row carries hasLog exactly when its kind\'s descriptor says the API has a log', () => {
    installVscodeStandIn(createVscodeStandIn());
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SessionNode } = require('../../src/vscode/tree/sessionNode') as typeof SessionNodeModule;
    const parent = { server: { id: 'server-1' } } as unknown as ServerNode;
    assert.ok(SERVER_KINDS.some((k) => k.capabilities.log) && SERVER_KINDS.some((k) => !k.capabilities.log), 'the kinds differ in this');
    for (const kind of SERVER_KINDS) {
      const session = { kind: kind.id, id: 'a', name: 'n', type: 't', typeLabel: 't', platform: 'unknown', state: 'finished', rawState: 'Stopped', result: 'success', rawResult: 'Success', progress: 100, creationTime: undefined, endTime: undefined, durationMs: undefined } as RestoreSessionSummary;
      const words = new SessionNode(parent, session).contextValue.split(' ');
      assert.strictEqual(words.includes('hasLog'), kind.capabilities.log, `${kind.id}: ${words.join(' ')}`);
    }
  });
});
