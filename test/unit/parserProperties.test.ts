import * as assert from 'assert';
import fc from 'fast-check';
import { VeeamError } from '../../src/core/errors';
import { parseEnterpriseManagerDocument } from '../../src/core/kinds/enterpriseManager/enterpriseManagerParser';
import { parseMicrosoft365Document } from '../../src/core/kinds/microsoft365/microsoft365Parser';
import { toRawBody } from '../../src/core/parsing/rawBody';
import { readFixture } from './fixturePath';

// Fixed seed: CI runs are reproducible; change it locally to explore.
const SEED = 20261124;

function parsesOrThrowsTyped(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof VeeamError)) throw e;
  }
}

describe('parser properties (fast-check)', () => {
  const samples = [
    ['em', readFixture('em/restore-session-entity.xml'), 'application/xml'],
    ['em', readFixture('em/restore-session-entity.json'), 'application/json'],
    ['em', readFixture('em/query-result-page2.xml'), 'application/xml'],
    ['vb365', readFixture('vb365/restore-sessions-v8-page.json'), 'application/json'],
  ] as const;

  it('any prefix (truncation) of a real body parses or throws a VeeamError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.nat(), ([kind, body, type], cut) => {
        const text = body.slice(0, cut % (body.length + 1));
        parsesOrThrowsTyped(() => {
          const raw = toRawBody(text, type);
          return kind === 'em' ? parseEnterpriseManagerDocument(raw) : parseMicrosoft365Document(raw);
        });
      }),
      { numRuns: 1500, seed: SEED },
    );
  });

  it('random byte flips of a real body parse or throw a VeeamError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.string({ minLength: 0, maxLength: 3 })), { maxLength: 5 }), ([kind, body, type], edits) => {
        let text = body;
        for (const [pos, s] of edits) {
          const p = pos % (text.length + 1);
          text = text.slice(0, p) + s + text.slice(p + 1);
        }
        parsesOrThrowsTyped(() => {
          const raw = toRawBody(text, type);
          return kind === 'em' ? parseEnterpriseManagerDocument(raw) : parseMicrosoft365Document(raw);
        });
      }),
      { numRuns: 1500, seed: SEED },
    );
  });

  it('arbitrary JSON values parse or throw a VeeamError, and never pollute prototypes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, em) => {
        const text = JSON.stringify(value) ?? 'null';
        parsesOrThrowsTyped(() => {
          const raw = toRawBody(text, 'application/json');
          return em ? parseEnterpriseManagerDocument(raw) : parseMicrosoft365Document(raw);
        });
        assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
      }),
      { numRuns: 1500, seed: SEED },
    );
  });

  it('sessions with arbitrary field values normalise to a sane model', () => {
    const anyScalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean());
    fc.assert(
      fc.property(fc.uuid(), anyScalar, anyScalar, anyScalar, anyScalar, anyScalar, (id, state, result, progress, created, ended) => {
        const body = JSON.stringify({ UID: `urn:veeam:RestoreSession:${id}`, Type: 'RestoreSession', State: state, Result: result, Progress: progress, CreationTimeUTC: created, EndTimeUTC: ended });
        const d = parseEnterpriseManagerDocument(toRawBody(body, 'application/json'));
        assert.ok(d.kind === 'session');
        const s = d.session;
        assert.ok(['running', 'stopping', 'finished', 'unknown'].includes(s.state));
        assert.ok(['pending', 'success', 'warning', 'failed', 'unknown'].includes(s.result));
        assert.ok(s.progress === undefined || (Number.isInteger(s.progress) && s.progress >= 0 && s.progress <= 100));
        assert.ok(s.durationMs === undefined || s.durationMs >= 0);
        assert.ok(s.creationTime === undefined || !Number.isNaN(Date.parse(s.creationTime)));
      }),
      { numRuns: 1500, seed: SEED },
    );
  });
});
