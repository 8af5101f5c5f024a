import * as assert from 'assert';
import { requestLogLine } from '../../../src/core/http/requestLogLine';

/**
 * Found by the secrets leak search: EM's token is base64 of the logon session id, and the session check and the
 * logoff put that id in their URL, so a debug log line would have carried a usable token.
 */
describe('Hardening (extension): request log lines carry no EM logon session id', () => {
  const id = '2a4d6c1e-9b7f-4e3a-8c5d-0f1e2d3c4b5a';
  const token = Buffer.from(id, 'utf8').toString('base64');

  for (const method of ['GET', 'DELETE'] as const) {
    it(`${method} /api/logonSessions/{id}`, () => {
      const line = requestLogLine(method, `https://em.example.test:9398/api/logonSessions/${id}`, { status: 204, bytes: 0 }, 3);
      assert.ok(!line.includes(id) && !line.includes(token), line);
      assert.ok(line.includes('/api/logonSessions/{id}'), line);
      const failed = requestLogLine(method, `https://em.example.test:9398/api/logonSessions/${id.toUpperCase()}?x=1`, { error: 'ECONNRESET' }, 3);
      assert.ok(!failed.toLowerCase().includes(id), failed);
    });
  }

  it('other URLs are logged as they are', () => {
    const url = 'https://em.example.test:9398/api/restoreSessions/5d1f?format=Entity';
    assert.ok(requestLogLine('GET', url, { status: 200, bytes: 10 }, 1).startsWith(`GET ${url} → 200`));
    assert.ok(requestLogLine('GET', 'https://em.example.test:9398/api/logonSessions', { status: 200, bytes: 10 }, 1).includes('/api/logonSessions →'));
  });
});
