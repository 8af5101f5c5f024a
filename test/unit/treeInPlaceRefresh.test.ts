import * as assert from 'assert';
import type { RestoreSessionClient } from '../../src/core/clients/restoreSessionClient';
import type * as SessionListStoreModule from '../../src/vscode/sessions/sessionListStore';
import type * as TreeProviderModule from '../../src/vscode/tree/restoreSessionTreeProvider';
import type * as SessionNodeModule from '../../src/vscode/tree/sessionNode';
import { createVscodeStandIn, installVscodeStandIn } from '../bench/vscodeStandIn';
import { oneServerRegistry } from './oneServerRegistry';
import { ClientFactory, serverConfig, startSimulator, type Simulator } from '../protocol/simulatorFixture';

type TreeEvent = unknown;

/**
 * The real tree provider and store (the benchmarks' `vscode` stand-in) over HTTPS to the simulator. Refreshing a
 * server node makes VS Code drop its rows until it has fetched them again, and a context-menu command chosen then
 * gets no session: a poll that changes rows but not which sessions are listed must refresh only those rows.
 */
describe('tree: polls update session rows in place (real HTTPS to the simulator)', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);
  const disposables: Array<{ dispose(): unknown }> = [];

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 30, runningCount: 0, progressStepMs: 3_600_000 });
  });
  after(async () => {
    for (const d of disposables.splice(0)) d.dispose();
    await clients.disposeAll();
    await sim.stop();
  });

  it('refreshes only the changed session nodes while the list is the same, and the server node when it is not', async function () {
    this.timeout(30_000);
    const standIn = createVscodeStandIn();
    installVscodeStandIn(standIn);
    const vscode = standIn.module as unknown as typeof import('vscode');
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { SessionListStore } = require('../../src/vscode/sessions/sessionListStore') as typeof SessionListStoreModule;
    const { RestoreSessionTreeProvider } = require('../../src/vscode/tree/restoreSessionTreeProvider') as typeof TreeProviderModule;
    const { SessionNode } = require('../../src/vscode/tree/sessionNode') as typeof SessionNodeModule;
    /* eslint-enable @typescript-eslint/no-require-imports */

    const server = serverConfig(sim, 'em');
    const client: RestoreSessionClient = clients.create('em');
    const registry = oneServerRegistry(vscode, server, client);
    const log = vscode.window.createOutputChannel('test', { log: true });
    const store = new SessionListStore(registry, log, () => 100);
    const tree = new RestoreSessionTreeProvider(registry, store);
    disposables.push(tree, store);

    // A running session whose row a later poll changes (its name here); nothing else changes on the server meanwhile.
    const runningId = sim.addRunningSession('em');
    const [serverNode] = await tree.getChildren();
    const shown = await tree.getChildren(serverNode);
    const runningNode = shown.find((n) => n instanceof SessionNode && n.session.id === runningId);
    assert.ok(runningNode instanceof SessionNode, 'the running session is not listed');

    const events: TreeEvent[] = [];
    let wake: (() => void) | undefined;
    tree.onDidChangeTreeData((e) => {
      events.push(e);
      wake?.();
    });
    const nextEvent = (): Promise<TreeEvent> =>
      new Promise((resolve) => {
        const count = events.length;
        wake = () => {
          if (events.length > count) resolve(events[events.length - 1]);
        };
      });

    assert.ok(sim.overrideSession(runningId, { name: 'Renamed while running' }), 'the simulator did not take the new name');
    let changed = nextEvent();
    await store.refresh(server.id);
    const inPlace = await changed;
    assert.ok(Array.isArray(inPlace), `the poll refreshed ${describeEvent(inPlace)} instead of the changed rows`);
    assert.deepStrictEqual(inPlace, [runningNode], 'only the row that changed is refreshed, as the node VS Code holds');
    assert.strictEqual(runningNode.session.name, 'Renamed while running', 'the node VS Code holds has the new row');

    // A new session on top: the rows move, so the server node is refreshed and VS Code asks for its children again.
    sim.addRunningSession('em');
    changed = nextEvent();
    await store.refresh(server.id);
    assert.strictEqual(await changed, serverNode, 'a changed list refreshes the server node');
  });
});

function describeEvent(event: unknown): string {
  if (event === undefined) return 'the whole tree';
  if (Array.isArray(event)) return `${event.length} nodes`;
  return (event as { id?: string }).id ?? 'a node';
}
