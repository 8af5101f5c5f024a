import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ServerConfig } from '../../src/core/model/serverConfig';
import { BOOTSTRAP_ENVIRONMENT_VARIABLE, importBootstrapServers } from '../../src/vscode/servers/bootstrapImport';

/** The registry's contract for imports, kept in memory. */
class MemoryRegistry {
  readonly servers: ServerConfig[] = [];
  readonly passwords = new Map<string, string>();
  findMatching(kind: string, url: string, username?: string): ServerConfig[] {
    return this.servers.filter((s) => s.kind === kind && s.url === url && (username === undefined || s.username === username));
  }
  async add(server: ServerConfig, password: string): Promise<void> {
    this.servers.push(server);
    this.passwords.set(server.id, password);
  }
}

describe('bootstrap import', () => {
  let dir: string;
  const messages: string[] = [];
  const log = { info: (m: string) => messages.push(m), warn: (m: string) => messages.push(m) };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bootstrap-test-'));
    messages.length = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function file(content: unknown): NodeJS.ProcessEnv {
    const p = path.join(dir, 'bootstrap.json');
    fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return { [BOOTSTRAP_ENVIRONMENT_VARIABLE]: p };
  }

  const servers = [
    { kind: 'em', url: 'https://127.0.0.1:9398/', name: 'EM', username: 'admin', password: 'pw-em', trust: { mode: 'fingerprint', sha256: 'AB:CD' } },
    { kind: 'vb365', url: 'https://127.0.0.1:4443', name: 'M365', username: 'admin', password: 'pw-vb' },
  ];

  it('adds each new server once, password apart from the definition, and skips it on the next activation', async () => {
    const registry = new MemoryRegistry();
    const env = file({ servers });
    assert.strictEqual(await importBootstrapServers(registry, log, env), 2);
    assert.strictEqual(await importBootstrapServers(registry, log, env), 0);
    assert.strictEqual(registry.servers.length, 2);
    const [em, vb] = registry.servers;
    assert.deepStrictEqual({ ...em, id: 'x' }, { id: 'x', kind: 'em', url: 'https://127.0.0.1:9398', name: 'EM', username: 'admin', trust: { mode: 'fingerprint', sha256: 'AB:CD' } });
    assert.strictEqual(vb.apiVersion, 'v8');
    assert.deepStrictEqual(vb.trust, { mode: 'system' });
    assert.strictEqual(registry.passwords.get(em.id), 'pw-em');
    assert.ok(!JSON.stringify(registry.servers).includes('pw-'), 'a password ended up in a definition');
    assert.ok(!messages.join('\n').includes('pw-'), 'a password ended up in the log');
  });

  it('does nothing without the variable, and logs (without failing) on a broken file', async () => {
    const registry = new MemoryRegistry();
    assert.strictEqual(await importBootstrapServers(registry, log, {}), 0);
    assert.strictEqual(await importBootstrapServers(registry, log, file('{nope')), 0);
    assert.strictEqual(await importBootstrapServers(registry, log, file({ servers: [{ kind: 'em', url: 'x' }] })), 0);
    assert.strictEqual(await importBootstrapServers(registry, log, { [BOOTSTRAP_ENVIRONMENT_VARIABLE]: path.join(dir, 'missing.json') }), 0);
    assert.strictEqual(registry.servers.length, 0);
    assert.strictEqual(messages.length, 3);
  });
});
