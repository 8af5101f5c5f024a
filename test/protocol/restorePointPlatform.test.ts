import * as assert from 'assert';
import type { RestoreSession } from '../../src/core/model/restoreSession';
import { CapturedLog, ClientFactory, startSimulator, type Simulator } from './simulatorFixture';

/** What the simulator's VM restore point says, read with a regex here (not the client's parser): the expected platform. */
function platformOfRef(ref: string): string {
  if (/^urn:VMware:/i.test(ref)) return 'vSphere';
  if (/^urn:HyperV:/i.test(ref)) return 'Hyper-V';
  if (/^urn:vCloud:/i.test(ref)) return 'Cloud Director';
  return 'unknown';
}

describe('EM platform from the Related VM restore point (real HTTPS to the simulator)', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);
  /** Sessions without RestoredObjRef but with a Related restore point, fetched on their own. */
  let sessions: RestoreSession[];

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 11, sessionCount: 120, progressStepMs: 3_600_000 });
    const client = clients.create('em');
    const rows = (await client.listSessions({ page: 1, pageSize: 1000 })).sessions;
    // Like real servers: most sessions carry no RestoredObjRef, so the list cannot tell their platform.
    const unknown = rows.filter((s) => s.platform === 'unknown');
    assert.ok(unknown.length >= rows.length * 0.7, `${unknown.length} of ${rows.length} without a platform`);
    sessions = [];
    for (const row of unknown.slice(0, 12)) {
      const session = await client.getSession(row.id);
      if (session.links.some((l) => l.rel === 'Related' && /\/vmRestorePoints\//.test(l.href))) sessions.push(session);
    }
    assert.ok(sessions.length >= 8, `only ${sessions.length} of 12 sessions link a VM restore point`);
  });
  after(async () => {
    await clients.disposeAll();
    await sim.stop();
  });
  afterEach(() => sim.clearFaults());

  async function expectedPlatform(session: RestoreSession): Promise<string> {
    const link = session.links.find((l) => l.rel === 'Related' && /\/vmRestorePoints\//.test(l.href));
    assert.ok(link);
    const raw = await clients.create('em').getRaw(`${link.href}?format=Entity`, 'xml');
    const ref = /<HierarchyObjRef>([^<]+)<\/HierarchyObjRef>/.exec(raw.text)?.[1];
    assert.ok(ref, raw.text);
    return platformOfRef(ref);
  }

  it('reads the platform once per restore point: concurrent asks share one request, later asks are cached', async () => {
    const client = clients.create('em');
    await client.connect();
    const [a, b] = sessions;
    sim.resetRequestCount();
    const answers = await Promise.all([client.platformOf(a), client.platformOf(a), client.platformOf(a), client.platformOf(b)]);
    assert.strictEqual(sim.requestCount({ api: 'em', pathIncludes: '/api/vmRestorePoints/' }), 2, 'one request per restore point');
    assert.deepStrictEqual(answers, [answers[0], answers[0], answers[0], answers[3]]);
    assert.strictEqual(await client.platformOf(a), answers[0]);
    assert.strictEqual(await client.platformOf(b), answers[3]);
    assert.strictEqual(sim.requestCount({ api: 'em', pathIncludes: '/api/vmRestorePoints/' }), 2, 'cached: no further request');
    assert.strictEqual(sim.requestCount({ api: 'em', pathIncludes: '/api/vmRestorePoints/', method: 'GET' }), 2);

    // Every answer is the one the restore point's HierarchyObjRef gives, and never "unknown" when it names one.
    const seen = new Set<string>();
    for (const session of sessions) {
      const platform = await client.platformOf(session);
      assert.strictEqual(platform, await expectedPlatform(session), session.id);
      assert.notStrictEqual(platform, 'unknown');
      seen.add(platform);
    }
    assert.ok(seen.size >= 2, `platforms seen: ${[...seen].join(', ')}`);
  });

  it('asks nothing for a session whose own RestoredObjRef tells the platform', async () => {
    const client = clients.create('em');
    const session = sessions[2];
    assert.ok(sim.overrideSession(session.id, { restoredObjRef: 'urn:HyperV:Vm:11111111-2222-4333-8444-555555555555.vm-1' }));
    try {
      const fetched = await client.getSession(session.id, { format: 'json' });
      sim.resetRequestCount();
      assert.strictEqual(await client.platformOf(fetched), 'Hyper-V');
      assert.strictEqual(sim.requestCount({ api: 'em' }), 0);
    } finally {
      sim.overrideSession(session.id, { restoredObjRef: '' });
    }
  });

  it('reads camelCase JSON (EM 13) as well', async () => {
    sim.setFaults({ camelCaseJson: true });
    const client = clients.create('em');
    assert.strictEqual(await client.platformOf(sessions[3]), await expectedPlatform(sessions[3]));
  });

  it('answers unknown when the restore point cannot be read, logs why, and asks again later', async () => {
    const log = new CapturedLog();
    const client = clients.create('em', { logger: log.logger, http: { retries: 0 } });
    await client.connect();
    const session = sessions[4];
    sim.setFaults({ errorRate: 1 });
    sim.resetRequestCount();
    assert.strictEqual(await client.platformOf(session), 'unknown');
    assert.ok(sim.requestCount({ api: 'em', pathIncludes: '/api/vmRestorePoints/' }) >= 1);
    assert.ok(
      log.lines.some((l) => l.level === 'warn' && l.message.includes(session.id) && /restore point/i.test(l.message)),
      log.text(),
    );
    sim.clearFaults();
    // A failure is not remembered: the next ask reads the point.
    assert.strictEqual(await client.platformOf(session), await expectedPlatform(session));
  });

  it('answers unknown, without a request to another host, for a Related link that is not the server\'s', async () => {
    const log = new CapturedLog();
    const client = clients.create('em', { logger: log.logger });
    const session = sessions[5];
    const foreign: RestoreSession = {
      ...session,
      links: [{ rel: 'Related', type: 'VmRestorePointReference', href: 'javascript:alert(1)//vmRestorePoints/x' }],
    };
    sim.resetRequestCount();
    assert.strictEqual(await client.platformOf(foreign), 'unknown');
    assert.strictEqual(sim.requestCount({ api: 'em', pathIncludes: '/api/vmRestorePoints/' }), 0);
    assert.ok(log.lines.some((l) => l.level === 'warn'), log.text());
    const none: RestoreSession = { ...session, links: session.links.filter((l) => l.rel !== 'Related') };
    assert.strictEqual(await client.platformOf(none), 'unknown');
  });
});
