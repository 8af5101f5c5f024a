import * as assert from 'assert';
import { createRestoreSessionClient } from '../../src/core/clients/createClient';
import type { RestoreSessionClient } from '../../src/core/clients/restoreSessionClient';
import { isVeeamError } from '../../src/core/errors';
import type { ServerKind } from '../../src/core/model/restoreSession';
import { serverConfig } from '../protocol/simulatorFixture';
import { startSimulator, type RunningSimulator } from '../simulator/simulator';
import { record, writeReliabilityFile } from './reliabilityLedger';
import { scaled } from './reliabilityScale';
import { assertUserReadable } from './typedFailure';

const AREA = 'Fault soak against the simulator';
const PAGE_SIZE = 10;
/** Attempts per page at the caller (like a monitor's next poll), on top of the HTTP layer's own retries. */
const MAX_ATTEMPTS_PER_PAGE = 25;

/** Every fault the simulator knows, at once, at rates well above anything a real network shows. */
const FAULTS = { resetRate: 0.1, errorRate: 0.05, truncateRate: 0.05, malformedRate: 0.05, html502Rate: 0.1, htmlOk200Rate: 0.05, bom: true, camelCaseJson: true };

describe('Hardening: listing every session through injected faults loses nothing', () => {
  let sim: RunningSimulator;
  const expected: Record<ServerKind, Set<string>> = { em: new Set(), vb365: new Set(), vbr: new Set() };

  function client(kind: ServerKind): RestoreSessionClient {
    const credentials = kind === 'em' ? sim.credentials.em : sim.credentials.vb365;
    return createRestoreSessionClient({ server: serverConfig(sim, kind), password: async () => credentials.password, http: { retries: 2 } });
  }

  /** Reads every page; a page that fails (typed) is asked again, as the next poll would. */
  async function readAll(c: RestoreSessionClient): Promise<{ ids: Set<string>; pages: number; typedErrors: number }> {
    const ids = new Set<string>();
    let typedErrors = 0;
    let pages = 0;
    for (let page = 1; ; page++) {
      let result;
      for (let attempt = 1; !result; attempt++) {
        try {
          result = await c.listSessions({ page, pageSize: PAGE_SIZE });
        } catch (e) {
          if (!isVeeamError(e)) {
            record(AREA, { untypedFailures: 1 });
            throw e;
          }
          assertUserReadable(e);
          typedErrors++;
          assert.ok(attempt < MAX_ATTEMPTS_PER_PAGE, `page ${page} failed ${attempt} times: ${e.message}`);
        }
      }
      pages++;
      result.sessions.forEach((s) => ids.add(s.id));
      if (!result.hasMore) return { ids, pages, typedErrors };
    }
  }

  before(async () => {
    // Static data (no progress ticks), so every pass must see exactly the same sessions.
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 11, sessionCount: 140, vb365SessionCount: 90, runningCount: 0, progressStepMs: 24 * 3600_000 });
    for (const kind of ['em', 'vb365'] as const) {
      const c = client(kind);
      try {
        expected[kind] = (await readAll(c)).ids;
      } finally {
        await c.dispose();
      }
    }
  });
  after(async () => {
    await sim.stop();
    writeReliabilityFile();
  });
  afterEach(() => sim.clearFaults());

  for (const kind of ['em', 'vb365'] as const) {
    it(`${kind}: every session is seen in every pass, every failure on the way is typed`, async () => {
      assert.ok(expected[kind].size > 50, 'the fault-free pass saw the sessions');
      const passes = scaled(2, 12);
      let faults = 0;
      for (let pass = 0; pass < passes; pass++) {
        sim.setFaults(FAULTS);
        sim.resetRequestCount();
        const c = client(kind);
        let outcome;
        try {
          outcome = await readAll(c);
        } finally {
          await c.dispose();
        }
        const requests = sim.requestCount({ api: kind });
        const lost = [...expected[kind]].filter((id) => !outcome.ids.has(id));
        const invented = [...outcome.ids].filter((id) => !expected[kind].has(id));
        record(AREA, { inputsTried: outcome.pages, requestsSent: requests, faultsInjected: requests - outcome.pages - 1, sessionsExpected: expected[kind].size, sessionsLost: lost.length });
        assert.deepStrictEqual(lost, [], `pass ${pass} lost sessions`);
        assert.deepStrictEqual(invented, [], `pass ${pass} saw sessions that do not exist`);
        faults += requests - outcome.pages - 1;
      }
      // Any one pass may be lucky; across all of them the faults must have hit (or the test proved nothing).
      assert.ok(faults > 0, 'faults were injected (more requests than pages)');
    });
  }
});
