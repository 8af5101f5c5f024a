import * as assert from 'assert';
import fc from 'fast-check';
import { VeeamError } from '../../src/core/errors';
import { parseRestoreSessionReference } from '../../src/core/restoreSessionId';

const ID = 'fd166510-607b-4023-882a-334d0b907e87';

describe('restore session ID parsing', () => {
  const ok: Array<[string, string, Record<string, unknown> | undefined]> = [
    [ID, ID, undefined],
    [ID.toUpperCase(), ID, undefined],
    [`  {${ID}}  `, ID, undefined],
    [`"${ID}".`, ID, undefined],
    [`urn:veeam:RestoreSession:${ID}`, ID, undefined],
    [`URN:VEEAM:RESTORESESSION:${ID.toUpperCase()}`, ID, undefined],
    [`https://em01:9398/api/restoreSessions/${ID}?format=Entity`, ID, { kind: 'em', origin: 'https://em01:9398' }],
    [`https://em01:9398/api/restoresessions/${ID}`, ID, { kind: 'em', origin: 'https://em01:9398' }],
    [`https://vb:4443/v8/RestoreSessions/${ID}`, ID, { kind: 'vb365', origin: 'https://vb:4443', apiVersion: 'v8' }],
    [`https://vb:4443/v6/restoresessions/${ID}/events?offset=0`, ID, { kind: 'vb365', origin: 'https://vb:4443', apiVersion: 'v6' }],
  ];
  for (const [input, id, server] of ok) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      const r = parseRestoreSessionReference(input);
      assert.strictEqual(r.id, id);
      assert.strictEqual(r.uid, `urn:veeam:RestoreSession:${id}`);
      assert.deepStrictEqual(r.server, server);
    });
  }

  const bad = ['', 'hello', '1234', `urn:veeam:BackupServer:${ID}`, `urn:veeam:RestoreSession:nope`, 'https://em01:9398/api/backupServers/' + ID, `https://x/api/restoreSessions/${ID}/../../x`, `${ID}/../x`, 'ftp://x/y', 'x'.repeat(5000)];
  for (const input of bad) {
    it(`rejects ${JSON.stringify(input.slice(0, 60))} with a message that says what is accepted`, () => {
      assert.throws(
        () => parseRestoreSessionReference(input),
        (e: unknown) => e instanceof VeeamError && e.code === 'invalidInput' && /Accepted: a GUID/.test(e.message),
      );
    });
  }

  // What Open Restore Session shows (input box validation and the command's error) for a URL of something else.
  const named: Array<[string, RegExp]> = [
    [`https://em01:9398/api/jobs/${ID}`, /^The URL "https:\/\/em01:9398\/api\/jobs\/[^"]+" points at Enterprise Manager "jobs", not at a restore session\. Accepted:/],
    [`https://em01:9398/api/backupServers/${ID}?format=Entity`, /points at Enterprise Manager "backupServers", not at a restore session\./],
    [`https://em01:9398/api/cloud/tenants/${ID}`, /points at Enterprise Manager "cloud\/tenants", not at a restore session\./],
    [`https://em01:9398/api/query?type=BackupJobSession`, /points at Enterprise Manager "query", not at a restore session\./],
    ['https://em01:9398/api/restoreSessions', /points at Enterprise Manager restore sessions, but not at one session by its GUID\./],
    [`https://vb:4443/v8/Jobs/${ID}`, /points at Microsoft 365 "Jobs", not at a restore session\./],
    [`https://vb:4443/v8/Organizations/${ID}/explore`, /points at Microsoft 365 "Organizations", not at a restore session\./],
    ['https://example.test/some/page', /^The URL "[^"]+" does not point at a restore session\./],
  ];
  for (const [input, message] of named) {
    it(`names what ${input} points at`, () => {
      assert.throws(() => parseRestoreSessionReference(input), (e: unknown) => e instanceof VeeamError && e.code === 'invalidInput' && message.test(e.message));
    });
  }

  it('property: any string either parses to a lower-case GUID or throws invalidInput, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uuid().map((u) => `urn:veeam:RestoreSession:${u}`), fc.webUrl(), fc.uuid()), (input) => {
        try {
          const r = parseRestoreSessionReference(input);
          assert.match(r.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
          assert.strictEqual(encodeURIComponent(r.id), r.id);
        } catch (e) {
          if (!(e instanceof VeeamError) || e.code !== 'invalidInput') throw e;
        }
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});
