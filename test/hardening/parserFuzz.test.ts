import * as assert from 'assert';
import fc from 'fast-check';
import { isVeeamError } from '../../src/core/errors';
import { parseEnterpriseManagerDocument } from '../../src/core/kinds/enterpriseManager/enterpriseManagerParser';
import { parseMicrosoft365Document } from '../../src/core/kinds/microsoft365/microsoft365Parser';
import type { ParsedDocument } from '../../src/core/parsing/parsedDocument';
import { toRawBody } from '../../src/core/parsing/rawBody';
import { readVeeamErrorMessage } from '../../src/core/parsing/veeamErrorBody';
import { isGuid } from '../../src/core/model/restoreSessionUid';
import { record, writeReliabilityFile } from './reliabilityLedger';
import { FUZZ_SEED, fuzzRuns } from './reliabilityScale';
import { assertSaneSession } from './saneSession';
import { assertNoPrototypePollution, assertUserReadable } from './typedFailure';
import { applyMutation, enterpriseManagerBody, microsoft365Body, mutation } from './veeamArbitraries';

const AREA = 'Parser fuzzing (fast-check)';

/** Parses, and holds the result to the contract: a VeeamError with a readable message, or a sane model. */
function parseUnderContract(kind: 'em' | 'vb365', text: string, contentType: string | undefined): ParsedDocument | undefined {
  let doc: ParsedDocument;
  try {
    const raw = toRawBody(text, contentType);
    doc = kind === 'em' ? parseEnterpriseManagerDocument(raw) : parseMicrosoft365Document(raw);
  } catch (e) {
    if (!isVeeamError(e)) {
      record(AREA, { untypedFailures: 1 });
      throw e;
    }
    assertUserReadable(e);
    return undefined;
  } finally {
    assertNoPrototypePollution();
  }
  if (doc.kind === 'session') assertSaneSession(doc.session);
  if (doc.kind === 'list') {
    doc.sessions.forEach(assertSaneSession);
    assert.strictEqual(new Set(doc.sessions.map((s) => s.id)).size, doc.sessions.length, 'ids are unique in a list');
    assert.ok(doc.skipped >= 0);
  }
  if (doc.kind === 'events') {
    for (let i = 1; i < doc.events.length; i++) assert.ok(doc.events[i - 1].order <= doc.events[i].order, 'events in order');
  }
  return doc;
}

/** Runs one property, counting inputs and mutated ones into the reliability ledger. */
function fuzz<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, check: (value: T) => boolean): void {
  let mutated = 0;
  fc.assert(
    fc.property(arbitrary, (value) => {
      if (check(value)) mutated++;
    }),
    { numRuns, seed: FUZZ_SEED },
  );
  record(AREA, { inputsTried: numRuns, faultsInjected: mutated });
}

describe(`Hardening: fuzzing the parsers and normalisers (seed ${FUZZ_SEED})`, () => {
  after(() => writeReliabilityFile());

  it('EM bodies (XML and JSON, entity, list and query page) with random mutations: typed error or sane model', () => {
    fuzz(fc.tuple(enterpriseManagerBody, mutation), fuzzRuns(2_000, 20_000), ([body, m]) => {
      const input = applyMutation(body, m);
      parseUnderContract('em', input.text, input.contentType);
      return m.kind !== 'none';
    });
  });

  it('VB365 bodies (session, array, page, events, token, error) with random mutations: typed error or sane model', () => {
    fuzz(fc.tuple(microsoft365Body, mutation), fuzzRuns(2_000, 20_000), ([body, m]) => {
      const input = applyMutation(body, m);
      parseUnderContract('vb365', input.text, input.contentType);
      return m.kind !== 'none';
    });
  });

  it('intact EM bodies always parse, and keep exactly the sessions with a GUID id, first occurrence of each', () => {
    fuzz(enterpriseManagerBody, fuzzRuns(1_000, 10_000), (body) => {
      const guids = body.sessions.map((s) => String(s.id)).filter(isGuid);
      const doc = parseUnderContract('em', body.text, body.contentType);
      if (guids.length === 0 || (doc === undefined && !isGuid(String(body.sessions[0].id)))) return false;
      assert.ok(doc, 'an intact body with GUID ids must parse');
      const ids = doc.kind === 'session' ? [doc.session.id] : doc.kind === 'list' ? doc.sessions.map((s) => s.id) : [];
      const expected = doc.kind === 'session' ? [guids[0].toLowerCase()] : [...new Set(guids.map((g) => g.toLowerCase()))];
      assert.deepStrictEqual(ids, expected);
      return false;
    });
  });

  it('the error-body reader never throws and returns one bounded line', () => {
    fuzz(fc.tuple(fc.oneof(enterpriseManagerBody, microsoft365Body), mutation), fuzzRuns(1_000, 10_000), ([body, m]) => {
      const input = applyMutation(body, m);
      const message = readVeeamErrorMessage(input.text, input.contentType);
      assert.ok(message === undefined || (message.length <= 501 && !/[\r\n]/.test(message)));
      return m.kind !== 'none';
    });
  });
});
