import * as https from 'https';
import type { AddressInfo } from 'net';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'http';
import type { ServerCertificate } from './testCertificates';

/** One request as the server saw it (headers verbatim: the tests look for leaked credentials there). */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type HostileHandler = (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>;

/**
 * A tiny real HTTPS server on 127.0.0.1 and a free port, answering whatever the test scripts. It keeps
 * every request it received and can be restarted on the same port with another certificate.
 */
export class HostileServer {
  readonly received: ReceivedRequest[] = [];
  private server: https.Server | undefined;
  private portNumber = 0;

  constructor(
    private certificate: ServerCertificate,
    private handler: HostileHandler,
  ) {}

  get port(): number {
    return this.portNumber;
  }

  get origin(): string {
    return `https://127.0.0.1:${this.portNumber}`;
  }

  get fingerprint256(): string {
    return this.certificate.fingerprint256;
  }

  setHandler(handler: HostileHandler): void {
    this.handler = handler;
  }

  async start(): Promise<this> {
    const server = https.createServer({ cert: this.certificate.certPem, key: this.certificate.keyPem }, (req, res) => this.serve(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.portNumber, '127.0.0.1', () => resolve());
    });
    this.portNumber = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops and comes back on the same port with another certificate (a server whose certificate changed). */
  async restartWith(certificate: ServerCertificate): Promise<void> {
    await this.stop();
    this.certificate = certificate;
    await this.start();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      this.received.push(request);
      Promise.resolve(this.handler(request, res)).catch(() => res.destroy());
    });
  }
}

export async function startHostileServer(certificate: ServerCertificate, handler: HostileHandler): Promise<HostileServer> {
  return new HostileServer(certificate, handler).start();
}
