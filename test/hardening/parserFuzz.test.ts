import * as assert from 'assert';
import fc from 'fast-check';
import { isVeeamError } from '../../src/core/errors';
import { parseEnterpriseManagerDocument } from '../../src/core/kinds/enterpriseManager/enterpriseManagerParser';
import { parseMicrosoft365Document } from '../../src/core/kinds/microsoft365/microsoft365Parser';
import { parseBackupReplicationDocument, type BackupReplicationExpectation } from '../../src/core/kinds/backupReplication/parser';
import type { ParsedDocument } from '../../src/core/parsing/parsedDocument';
import { toRawBody } from '../../src/core/parsing/rawBody';
import { readVeeamErrorMessage } from '../../src/core/parsing/veeamErrorBody';
import { isGuid } from '../../src/core/model/restoreSessionUid';
import { record, writeReliabilityFile } from './reliabilityLedger';
import { FUZZ_SEED, fuzzRuns } from './reliabilityScale';
import { assertSaneSession } from './saneSession';
import { assertNoPrototypePollution, assertUserReadable } from './typedFailure';
import { applyMutation, backupReplicationBody, enterpriseManagerBody, microsoft365Body, mutation } from './veeamArbitraries';

const AREA = 'Parser fuzzing (fast-check)';

/** Parses, and holds the result to the contract: a VeeamError with a readable message, or a sane model. */
function parseUnderContract(kind: 'em' | 'vb365' | 'vbr', text: string, contentType: string | undefined, expect?: BackupReplicationExpectation): ParsedDocument | undefined {
  let doc: ParsedDocument;
  try {
    const raw = toRawBody(text, contentType);
    doc = kind === 'em' ? parseEnterpriseManagerDocument(raw) : kind === 'vb365' ? parseMicrosoft365Document(raw) : parseBackupReplicationDocument(raw, expect);
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
  if (doc.kind === 'taskSessions') {
    assert.strictEqual(new Set(doc.tasks.map((t) => t.id)).size, doc.tasks.length, 'task ids are unique');
    for (const t of doc.tasks) {
      assert.ok(isGuid(t.id) && t.id === t.id.toLowerCase(), `task id ${t.id}`);
      assert.ok(t.progress === undefined || (Number.isInteger(t.progress) && t.progress >= 0 && t.progress <= 100));
      assert.ok(t.creationTimeLocal === undefined || t.creationTime === undefined, 'a time is UTC or server-local, never both');
    }
  }
  const paging = 'paging' in doc ? doc.paging : undefined;
  if (paging) assert.ok(paging.page >= 1 && paging.pageSize >= 0 && typeof paging.hasNext === 'boolean', 'paging within range');
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

  it('VBR bodies (session, envelope, task sessions, log, token, error, {}) with random mutations: typed error or sane model', () => {
    fuzz(fc.tuple(backupReplicationBody, mutation), fuzzRuns(2_000, 20_000), ([body, m]) => {
      const input = applyMutation(body, m);
      parseUnderContract('vbr', input.text, input.contentType, body.expect);
      return m.kind !== 'none';
    });
  });

  it('intact VBR envelopes always parse, and keep exactly the sessions with a GUID id, first occurrence of each', () => {
    fuzz(backupReplicationBody, fuzzRuns(1_000, 10_000), (body) => {
      if (body.shape !== 'envelope') return false;
      const doc = parseUnderContract('vbr', body.text, body.contentType, 'sessions');
      assert.ok(doc?.kind === 'list', 'an intact sessions envelope must parse as a list');
      const expected = [...new Set(body.sessions.map((s) => String(s.id)).filter(isGuid).map((g) => g.toLowerCase()))];
      assert.deepStrictEqual(doc.sessions.map((s) => s.id), expected);
      assert.strictEqual(doc.skipped, body.sessions.length - expected.length);
      return false;
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
    fuzz(fc.tuple(fc.oneof(enterpriseManagerBody, microsoft365Body, backupReplicationBody), mutation), fuzzRuns(1_000, 10_000), ([body, m]) => {
      const input = applyMutation(body, m);
      const message = readVeeamErrorMessage(input.text, input.contentType);
      assert.ok(message === undefined || (message.length <= 501 && !/[\r\n]/.test(message)));
      return m.kind !== 'none';
    });
  });
});
