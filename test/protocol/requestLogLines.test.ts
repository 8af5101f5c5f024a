import * as assert from 'assert';
import type { LogLevel } from '../../src/core/clients/restoreSessionClient';
import { ClientFactory, startSimulator, type Simulator } from './simulatorFixture';

/**
 * One debug line per request, built only when the log keeps debug lines: building it measures the whole body
 * (a UTF-8 length) on every request, as much as the rest of a small lookup costs.
 */
describe('request log lines: built only when someone reads them', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 5, sessionCount: 5, vb365SessionCount: 5, vbrSessionCount: 10, runningCount: 0 });
  });
  after(() => sim.stop());
  afterEach(() => clients.disposeAll());

  for (const wanted of [true, false]) {
    it(`logsRequests ${wanted ? 'true: a debug line per request' : 'false: no request line'}`, async () => {
      const lines: Array<[LogLevel, string]> = [];
      const client = clients.create('vb365', { logger: (level, message) => lines.push([level, message]), logsRequests: () => wanted });
      const page = await client.listSessions({ page: 1, pageSize: 2 });
      await client.getSession(page.sessions[0].id);
      const requestLines = lines.filter(([level, message]) => level === 'debug' && / → \d{3} \(/.test(message));
      if (wanted) assert.ok(requestLines.length >= 3, `token, list and lookup each logged: ${JSON.stringify(lines)}`);
      else assert.deepStrictEqual(requestLines, []);
    });
  }
});
