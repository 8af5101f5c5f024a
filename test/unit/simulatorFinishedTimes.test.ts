import * as assert from 'assert';
import { generateBackupReplicationData } from '../simulator/backupReplicationData';
import { LATEST_VBR_REVISION } from '../simulator/backupReplicationRevisions';
import { generateEnterpriseManagerData } from '../simulator/enterpriseManagerData';
import { generateMicrosoft365Data } from '../simulator/microsoft365Data';
import { SeededRandom } from '../simulator/seededRandom';

const NOW = Date.parse('2026-12-02T17:00:00.000Z');

/** [start, end] of every finished session a generator made, epoch ms. */
function assertEndsInThePast(what: string, spans: Array<{ name: string; start: number; end: number | undefined }>): void {
  const finished = spans.filter((s) => s.end !== undefined);
  assert.ok(finished.length > 1000, `${what}: ${finished.length} finished sessions`);
  const future = finished.filter((s) => (s.end as number) > NOW);
  assert.deepStrictEqual(future.map((s) => s.name).slice(0, 5), [], `${what}: ${future.length} finished sessions end after the data was made`);
  assert.ok(finished.every((s) => (s.end as number) >= s.start), `${what}: a session ends before it starts`);
}

/** A server reports no end in its own future: generated finished sessions end before the moment they were made. */
describe('simulator: finished sessions ended in the past', () => {
  for (const seed of [1, 7, 42]) {
    it(`every kind, seed ${seed}`, () => {
      const em = generateEnterpriseManagerData(new SeededRandom(seed), 3000, 5, NOW);
      assertEndsInThePast('Enterprise Manager', em.sessions.map((s) => ({ name: s.name, start: s.creation.ms, end: s.end?.ms })));
      const m365 = generateMicrosoft365Data(new SeededRandom(seed), 3000, 5, NOW);
      assertEndsInThePast('Microsoft 365', m365.sessions.map((s) => ({ name: s.name, start: s.creation.ms, end: s.end?.ms })));
      const vbr = generateBackupReplicationData(new SeededRandom(seed), 3000, 5, NOW, LATEST_VBR_REVISION);
      assertEndsInThePast('Backup & Replication', vbr.sessions.map((s) => ({ name: s.name, start: s.creationMs, end: s.endMs })));
    });
  }
});
