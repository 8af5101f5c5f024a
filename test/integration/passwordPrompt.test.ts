import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ServerConfig } from '../../src/core/model/serverConfig';
import { ServerRegistry } from '../../src/vscode/serverRegistry';
import { addSimulatorServer, extensionApi, removeServer, requireSimulator } from './veeamApi';

/** SecretStorage kept in memory: this registry starts with no password at all. */
function memorySecrets(): vscode.SecretStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  return {
    values,
    get: async (key) => values.get(key),
    store: async (key, value) => {
      values.set(key, value);
      changed.fire({ key });
    },
    delete: async (key) => {
      values.delete(key);
      changed.fire({ key });
    },
    onDidChange: changed.event,
  };
}

suite('password prompt: asked once, shared, never re-asked after dismissal', () => {
  let serverId: string | undefined;
  let log: vscode.LogOutputChannel;

  suiteSetup(async function () {
    const simulator = requireSimulator(this);
    await extensionApi();
    serverId = await addSimulatorServer(simulator, 'em', 'Prompt EM');
    log = vscode.window.createOutputChannel('Veeam prompt test', { log: true });
  });

  suiteTeardown(async () => {
    await removeServer(serverId);
    log?.dispose();
  });

  test('concurrent requests share one prompt; a dismissed prompt signs the server out and is not repeated', async () => {
    const id = serverId as string;
    const asked: ServerConfig[] = [];
    const registry = new ServerRegistry(memorySecrets(), log, async (server) => {
      asked.push(server);
      await new Promise((r) => setTimeout(r, 50));
      return undefined;
    });
    try {
      const client = await registry.getClient(id);
      const results = await Promise.allSettled([client.listSessions({ page: 1, pageSize: 1 }), client.connect(), registry.getClient(id).then((c) => c.connect())]);
      assert.ok(results.every((r) => r.status === 'rejected'), 'a request succeeded without a password');
      assert.strictEqual(asked.length, 1, 'the password was asked more than once');
      assert.strictEqual(asked[0].id, id);
      assert.strictEqual(registry.isSignedOut(id), true);
      await assert.rejects(client.connect());
      assert.strictEqual(asked.length, 1, 'a signed-out server asked again');
    } finally {
      registry.dispose();
    }
  });

  test('an answered prompt is stored in SecretStorage and used by every waiting request', async function () {
    const simulator = requireSimulator(this);
    const id = serverId as string;
    const secrets = memorySecrets();
    let asked = 0;
    const registry = new ServerRegistry(secrets, log, async () => {
      asked += 1;
      return simulator.credentials.em.password;
    });
    try {
      const client = await registry.getClient(id);
      const versions = await Promise.all([client.connect(), client.connect()]);
      assert.ok(versions.every((v) => typeof v === 'string'));
      assert.strictEqual(asked, 1);
      assert.strictEqual(secrets.values.get(`veeamRestoreSessions.password.${id}`), simulator.credentials.em.password);
      assert.strictEqual(registry.isSignedOut(id), false);
    } finally {
      registry.dispose();
    }
  });
});
