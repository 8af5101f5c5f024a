import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { checkFaultSettings, type FaultSettings } from './faults';
import type { RequestCounter } from './requestCounter';
import { checkApiLatency, type ApiLatency } from './apiLatency';
import type { IssuedSecrets } from './issuedSecrets';
import type { FinalResult } from './sessionProgression';
import { checkSessionOverrides, type SessionOverrides } from './sessionOverrides';
import { checkLogRecords, type HostileLogRecord } from './hostileLogRecords';

/** What the control endpoint can do to a running simulator. */
export interface SimulatorControls {
  faults(): FaultSettings;
  setFaults(f: Partial<FaultSettings>): void;
  clearFaults(): void;
  apiLatency(): Required<ApiLatency>;
  setApiLatency(latency: ApiLatency): void;
  expireAllTokens(): void;
  /** Resolves once the listeners are closed; they come back by themselves after `ms`. */
  takeDown(ms: number): Promise<void>;
  counter: RequestCounter;
  /** Everything handed out so far (passwords, tokens) for leak searches. */
  issuedSecrets(): IssuedSecrets;
  /** Sets fields of an existing EM session (hostile names, links) → false when there is no such session. */
  overrideSession(id: string, overrides: SessionOverrides): boolean;
  /** Appends log records to a Backup & Replication session (hostile titles, unknown statuses) → false when there is no such session. */
  appendLogRecords(id: string, records: HostileLogRecord[]): boolean;
  addRunningSession(api: 'em' | 'vb365' | 'vbr', opts: { name?: string; finalResult?: FinalResult; durationSeconds?: number }): string;
}

/** Plain HTTP on loopback only: demo scripts and soak tests steer the simulator through it. */
export async function startControlServer(controls: SimulatorControls): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => route(controls, req, body))
      .then(
        ([status, payload]) => send(res, status, payload),
        (e: unknown) => send(res, 400, { error: e instanceof Error ? e.message : String(e) }),
      );
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function route(controls: SimulatorControls, req: IncomingMessage, body: string): Promise<[number, unknown]> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const key = `${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '') || '/'}`;
  switch (key) {
    case 'GET /faults':
      return [200, controls.faults()];
    case 'POST /faults':
      controls.setFaults(checkFaultSettings(body.trim() === '' ? {} : JSON.parse(body)));
      return [200, controls.faults()];
    case 'DELETE /faults':
      controls.clearFaults();
      return [200, controls.faults()];
    case 'GET /latency':
      return [200, controls.apiLatency()];
    case 'POST /latency':
      controls.setApiLatency(checkApiLatency(body.trim() === '' ? {} : JSON.parse(body)));
      return [200, controls.apiLatency()];
    case 'POST /expire-tokens':
      controls.expireAllTokens();
      return [204, undefined];
    case 'POST /down': {
      const ms = Number(url.searchParams.get('ms') ?? '5000');
      if (!Number.isFinite(ms) || ms < 0) throw new Error('ms must be a non-negative number');
      await controls.takeDown(ms);
      return [202, { downForMs: ms }];
    }
    case 'GET /requests':
      return [200, { em: controls.counter.count({ api: 'em' }), vb365: controls.counter.count({ api: 'vb365' }), vbr: controls.counter.count({ api: 'vbr' }), byRoute: controls.counter.snapshot() }];
    case 'DELETE /requests':
      controls.counter.reset();
      return [204, undefined];
    case 'POST /sessions': {
      const api = url.searchParams.get('api');
      if (api !== 'em' && api !== 'vb365' && api !== 'vbr') throw new Error('api must be em, vb365 or vbr');
      const finalResult = url.searchParams.get('finalResult') ?? undefined;
      if (finalResult !== undefined && !['Success', 'Warning', 'Failed'].includes(finalResult)) throw new Error('finalResult must be Success, Warning or Failed');
      const durationParam = url.searchParams.get('durationSeconds');
      const durationSeconds = durationParam === null ? undefined : Number(durationParam);
      if (durationSeconds !== undefined && !(Number.isFinite(durationSeconds) && durationSeconds > 0)) throw new Error('durationSeconds must be a positive number');
      const id = controls.addRunningSession(api, { name: url.searchParams.get('name') ?? undefined, finalResult: finalResult as FinalResult | undefined, durationSeconds });
      return [201, { id }];
    }
    case 'GET /issued-secrets':
      return [200, controls.issuedSecrets()];
    default: {
      const fields = /^POST \/sessions\/([^/]+)\/fields$/.exec(key);
      if (fields) {
        const found = controls.overrideSession(decodeURIComponent(fields[1]), checkSessionOverrides(body.trim() === '' ? {} : JSON.parse(body)));
        return found ? [204, undefined] : [404, { error: 'no such Enterprise Manager session' }];
      }
      const logs = /^POST \/sessions\/([^/]+)\/logs$/.exec(key);
      if (logs) {
        const found = controls.appendLogRecords(decodeURIComponent(logs[1]), checkLogRecords(body.trim() === '' ? {} : JSON.parse(body)));
        return found ? [204, undefined] : [404, { error: 'no such Backup & Replication session' }];
      }
      return [404, { error: `no control route ${key}` }];
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  if (payload === undefined) {
    res.writeHead(status).end();
    return;
  }
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body);
}
