import * as assert from 'assert';
import type { ServerResponse } from 'http';
import { startHostileServer, type HostileServer } from './hostileServer';
import { pinned, ScriptedClients } from './scriptedClient';
import { answerEnterpriseManagerLogon } from './scriptedSignIn';
import { selfSignedCertificate } from './testCertificates';

const ENTRY_POINT =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<EnterpriseManager xmlns="http://www.veeam.com/ent/v1.0" Href="https://localhost:9398/api/" Type="EnterpriseManager">' +
  '<SupportedVersions><SupportedVersion Name="v1_4"/><SupportedVersion Name="v1_8"/></SupportedVersions></EnterpriseManager>';

function answerEntryPoint(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/xml; charset=utf-8' });
  res.end(ENTRY_POINT);
}

/**
 * Enterprise Manager's connect() reads the entry point and signs in: two round trips side by side, not one after
 * the other (a cold first paint at a 20 ms round trip was 1.5× the bare sign-in + first page).
 */
describe('Enterprise Manager connect: entry point and logon together', () => {
  const clients = new ScriptedClients();
  let server: HostileServer | undefined;

  afterEach(async () => {
    await clients.disposeAll();
    await server?.stop();
    server = undefined;
  });

  it('sends the logon while the entry point is still unanswered (a server that answers it only after the logon)', async function () {
    this.timeout(20_000);
    let heldEntryPoint: ServerResponse | undefined;
    server = await startHostileServer(await selfSignedCertificate(), (request, res) => {
      if (request.method === 'GET' && request.path === '/api/') {
        heldEntryPoint = res;
        return;
      }
      if (request.method === 'POST' && /^\/api\/sessionMngr\//.test(request.path)) {
        answerEnterpriseManagerLogon(res);
        // Only now the entry point: a client that waits for it before signing in never gets here.
        if (heldEntryPoint) answerEntryPoint(heldEntryPoint);
        return;
      }
      res.writeHead(404).end();
    });
    const client = clients.create('em', server.origin, pinned(server.fingerprint256), { headersTimeoutMs: 5_000 });
    assert.strictEqual(await client.connect(), 'Enterprise Manager (REST API v1_8)');
    assert.deepStrictEqual(
      server.received.map((r) => `${r.method} ${r.path}`),
      ['GET /api/', 'POST /api/sessionMngr/?v=latest'],
    );
  });

  it("reports the entry point's answer when the URL is not Enterprise Manager, whatever the logon said", async () => {
    server = await startHostileServer(await selfSignedCertificate(), (_request, res) => {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
    });
    const client = clients.create('em', server.origin, pinned(server.fingerprint256), { headersTimeoutMs: 5_000 });
    await assert.rejects(client.connect(), (e: Error) => /Enterprise Manager entry point/.test(e.message));
  });
});
