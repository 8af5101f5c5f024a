import * as assert from 'assert';
import { enterpriseManagerFilter } from '../../src/core/kinds/enterpriseManager/enterpriseManagerFilter';
import { pathForHref } from '../../src/core/clients/relatedHref';
import { displayFingerprint, sameFingerprint } from '../../src/core/http/certificateFingerprint';
import { requestLogLine } from '../../src/core/http/requestLogLine';
import { MAX_RETRY_AFTER_MS, retryAfterSeconds, retryDelayMs } from '../../src/core/http/retryPolicy';
import { isVeeamError } from '../../src/core/errors';

describe('Protocol rules (no network)', () => {
  it('builds EM filters with OR inside a field and AND across fields', () => {
    assert.strictEqual(enterpriseManagerFilter({}), undefined);
    assert.strictEqual(enterpriseManagerFilter({ text: 'web' }), undefined);
    assert.strictEqual(
      enterpriseManagerFilter({ states: ['running', 'finished'], results: ['failed'], types: ['RestoreVm', 'Odd "kind" x'] }),
      '(State==Starting,State==Working,State==Stopped);(Result==Failed);(Type==RestoreVm,Type=="Odd ""kind"" x")',
    );
  });

  it('retries only GETs, only transient failures, with growing delays and a capped Retry-After', () => {
    const base = { method: 'GET' as const, maxRetries: 3 };
    const delays = [0, 1, 2].map((attempt) => retryDelayMs({ ...base, attempt, status: 503 }) ?? -1);
    assert.ok(delays[0] > 0 && delays[1] > delays[0] && delays[2] > delays[1]);
    assert.strictEqual(retryDelayMs({ ...base, attempt: 3, status: 503 }), undefined);
    assert.strictEqual(retryDelayMs({ ...base, method: 'POST', attempt: 0, status: 503 }), undefined);
    assert.strictEqual(retryDelayMs({ ...base, method: 'DELETE', attempt: 0, errorCode: 'ECONNRESET' }), undefined);
    assert.strictEqual(retryDelayMs({ ...base, attempt: 0, status: 500 }), undefined);
    assert.strictEqual(retryDelayMs({ ...base, attempt: 0, status: 404 }), undefined);
    assert.strictEqual(retryDelayMs({ ...base, attempt: 0, errorCode: 'ECONNREFUSED' }), undefined);
    assert.ok((retryDelayMs({ ...base, attempt: 0, errorCode: 'UND_ERR_SOCKET' }) ?? 0) > 0);
    assert.strictEqual(retryDelayMs({ ...base, attempt: 0, status: 429, retryAfterHeader: '2' }), 2000);
    assert.strictEqual(retryDelayMs({ ...base, attempt: 0, status: 429, retryAfterHeader: String(MAX_RETRY_AFTER_MS / 1000 + 1) }), undefined);
    assert.strictEqual(retryAfterSeconds(new Date(Date.now() + 10_000).toUTCString()) !== undefined, true);
    assert.strictEqual(retryAfterSeconds('soon'), undefined);
  });

  it('accepts only this server’s API links', () => {
    const origin = 'https://em01.example.test:9398';
    assert.strictEqual(pathForHref('https://em01.example.test:9398/api/backupServers/1?format=Entity', origin, /^\/api\//), '/api/backupServers/1?format=Entity');
    assert.strictEqual(pathForHref('https://localhost:9398/api/vmRestorePoints/2', origin, /^\/api\//), '/api/vmRestorePoints/2');
    assert.strictEqual(pathForHref('/api/x', origin, /^\/api\//), '/api/x');
    for (const bad of ['https://evil.test/other', 'https://user:pw@evil.test/api/x', 'file:///api/x', `${origin}/web/`, 'javascript:alert(1)']) {
      assert.throws(() => pathForHref(bad, origin, /^\/api\//), (e: unknown) => isVeeamError(e) && e.code === 'invalidInput', bad);
    }
  });

  it('compares fingerprints in any spelling', () => {
    const hex = 'ab'.repeat(32);
    assert.ok(sameFingerprint(hex, displayFingerprint(hex)));
    assert.ok(sameFingerprint(`sha256/${hex.toUpperCase()}`, hex));
    assert.ok(!sameFingerprint(hex, 'ab'.repeat(31) + 'ac'));
    assert.ok(!sameFingerprint('', ''));
    assert.strictEqual(displayFingerprint(hex).split(':').length, 32);
  });

  it('formats request log lines', () => {
    assert.strictEqual(requestLogLine('GET', 'https://h:9398/api/query?type=RestoreSession', { status: 200, bytes: 4200 }, 12.4), 'GET https://h:9398/api/query?type=RestoreSession → 200 (12 ms, 4.1 KB)');
    assert.strictEqual(requestLogLine('POST', 'https://h/v8/token', { error: 'timeout' }, 3), 'POST https://h/v8/token → failed: timeout (3 ms)');
  });
});
