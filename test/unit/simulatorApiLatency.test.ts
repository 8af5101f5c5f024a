import * as assert from 'assert';
import { request as httpRequest } from 'node:http';
import { startSimulator, type RunningSimulator } from '../simulator/simulator';
import { exchange, responseOf } from './simulatorTestClient';

function control(url: string, method: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('simulator: per-server latency and request counts by route', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 5, sessionCount: 5, vb365SessionCount: 5, runningCount: 0, apiLatencyMs: { em: 60_000 } });
  });
  afterEach(() => sim.stop());

  it('apiLatencyMs holds back only that server: Microsoft 365 answers while an Enterprise Manager answer is still held', async () => {
    let emSettled = false;
    const held = exchange(sim.certificatePem, `${sim.emUrl}/api/`).then((r) => {
      emSettled = true;
      return r;
    });
    responseOf(await exchange(sim.certificatePem, `${sim.vb365Url}/v8/`));
    assert.strictEqual(emSettled, false, 'the Enterprise Manager answer waits for its own 60 s round trip');
    assert.deepStrictEqual(sim.apiLatency(), { em: 60_000, vb365: 0, vbr: 0 });
    await sim.stop();
    assert.strictEqual((await held).kind, 'failure', 'stopping cuts the held request');
  });

  it('setApiLatency adds a server-side delay to one API, on top of the latencyMs fault', async () => {
    sim.setApiLatency({ em: 0, vbr: 300 });
    const started = process.hrtime.bigint();
    responseOf(await exchange(sim.certificatePem, `${sim.vbrUrl}/api/v1/serverTime`));
    // A lower bound enforced by the server's own timer, not a speed claim.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 >= 290);
  });

  it('the control endpoint reads and sets per-API latency and refuses unknown APIs or negative values', async () => {
    const set = await control(`${sim.controlUrl}/latency`, 'POST', '{"vb365":20}');
    assert.strictEqual(set.status, 200);
    assert.deepStrictEqual(JSON.parse(set.body), { em: 60_000, vb365: 20, vbr: 0 });
    assert.deepStrictEqual(JSON.parse((await control(`${sim.controlUrl}/latency`, 'GET')).body), { em: 60_000, vb365: 20, vbr: 0 });
    assert.strictEqual((await control(`${sim.controlUrl}/latency`, 'POST', '{"exchange":20}')).status, 400);
    assert.strictEqual((await control(`${sim.controlUrl}/latency`, 'POST', '{"em":-1}')).status, 400);
  });

  it('requestsByRoute counts requests per API, method and path (query left out)', async () => {
    sim.setApiLatency({ em: 0 });
    responseOf(await exchange(sim.certificatePem, `${sim.vb365Url}/v8/`));
    responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/?x=1`));
    responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/?x=2`));
    assert.deepStrictEqual(sim.requestsByRoute(), { 'vb365 GET /v8/': 1, 'em GET /api/': 2 });
  });
});
