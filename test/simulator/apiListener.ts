import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { chooseFault, HTML_502_PAGE, HTML_OK_PAGE, malform, type FaultSettings } from './faults';
import type { RequestCounter, SimulatedApi } from './requestCounter';
import type { SeededRandom } from './seededRandom';
import { queryMap, type SimRequest, type SimResponse } from './simulatedExchange';

export interface ApiListenerOptions {
  api: SimulatedApi;
  host: string;
  port: number;
  certificatePem: string;
  privateKeyPem: string;
  handle(request: SimRequest): SimResponse;
  /** The 500 answer of this API (EM Error / VB365 RESTExceptionInfo) for the error fault. */
  internalError(request: SimRequest): SimResponse;
  faults(): FaultSettings;
  /** This server's own round trip, added to the fault setting `latencyMs` (servers behind different links). */
  latencyMs(): number;
  faultRandom: SeededRandom;
  counter: RequestCounter;
}

const MAX_BODY_BYTES = 1024 * 1024;
const UTF8_BOM = '\uFEFF';

/** One HTTPS listener of the simulator: reads requests, applies faults, can go down and come back on its port. */
export class ApiListener {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly pendingTimers = new Set<NodeJS.Timeout>();
  private boundPort: number;

  constructor(private readonly options: ApiListenerOptions) {
    this.boundPort = options.port;
  }

  get port(): number {
    return this.boundPort;
  }

  async listen(): Promise<void> {
    const server = createServer({ cert: this.options.certificatePem, key: this.options.privateKeyPem }, (req, res) => this.onRequest(req, res));
    server.keepAliveTimeout = 5000;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    // Clients that vanish mid-handshake are not our problem; keep the process alive.
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address && typeof address === 'object') this.boundPort = address.port;
    this.server = server;
  }

  /** Stops accepting connections and destroys open ones (in-flight requests get a reset). */
  /** TCP connections open right now (a client that leaks sockets keeps them open). */
  get openConnections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const timer of this.pendingTimers) clearTimeout(timer);
    this.pendingTimers.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const request = this.toSimRequest(req, Buffer.concat(chunks));
      this.options.counter.record(this.options.api, request.method, request.path, request.target);
      const latency = this.options.faults().latencyMs + this.options.latencyMs();
      if (latency > 0) {
        const timer = setTimeout(() => {
          this.pendingTimers.delete(timer);
          this.respond(request, res);
        }, latency);
        this.pendingTimers.add(timer);
      } else this.respond(request, res);
    });
  }

  private toSimRequest(req: IncomingMessage, body: Buffer): SimRequest {
    const host = req.headers.host ?? `${this.options.host}:${this.boundPort}`;
    const url = new URL(req.url ?? '/', `https://${host}`);
    let path = url.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep the raw path; routing will answer 404
    }
    return { method: (req.method ?? 'GET').toUpperCase(), path, target: req.url ?? '/', query: queryMap(url.searchParams), headers: req.headers, body, origin: `https://${host}` };
  }

  private respond(request: SimRequest, res: ServerResponse): void {
    if (res.destroyed) return;
    const settings = this.options.faults();
    const fault = chooseFault(settings, this.options.faultRandom);
    if (fault === 'reset') {
      res.socket?.destroy();
      return;
    }
    let answer: SimResponse;
    try {
      answer = fault === 'error' ? this.options.internalError(request) : this.options.handle(request);
    } catch (e) {
      // A simulator bug must look like what it is, a server error, and not kill the process.
      console.error('simulator handler failed:', e);
      answer = this.options.internalError(request);
    }
    if (fault === 'html502') answer = { status: 502, headers: { 'Content-Type': 'text/html' }, body: HTML_502_PAGE };
    if (fault === 'htmlOk200') answer = { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: HTML_OK_PAGE };
    let body = answer.body;
    const contentType = answer.headers['Content-Type'] ?? '';
    if (fault === 'malformed' && body !== '') body = malform(body, contentType);
    if (this.options.api === 'em' && settings.bom && body !== '' && !contentType.includes('html')) body = UTF8_BOM + body;
    const bytes = Buffer.from(body, 'utf8');
    const headers: Record<string, string | number> = { Server: 'Microsoft-HTTPAPI/2.0', Date: new Date().toUTCString(), ...answer.headers };
    if (answer.status !== 204) headers['Content-Length'] = bytes.length;
    res.writeHead(answer.status, headers);
    if (fault === 'truncate' && bytes.length > 1) {
      // The full length was announced; half arrives, then the connection dies.
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(answer.status === 204 ? undefined : bytes);
  }
}
