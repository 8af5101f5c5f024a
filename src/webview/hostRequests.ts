import type { HostMessage, PageRequest, PanelError } from '../shared/sessionPanelProtocol';
import type { PageHost } from './vscodeApi';

type Reply = Extract<HostMessage, { type: 'reply' }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestBody = DistributiveOmit<PageRequest, 'requestId'>;

/** Thrown on the page when the host answered a request with an error. */
export class HostRequestError extends Error {
  constructor(readonly error: PanelError) {
    super(error.message);
  }
}

/** Page → host requests as promises: each carries a fresh requestId, settled by the host's `reply`. */
export class HostRequests {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: HostRequestError) => void }>();

  constructor(private readonly host: PageHost) {}

  send(body: RequestBody): Promise<void> {
    const requestId = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.host.postMessage({ ...body, requestId } as PageRequest);
    });
  }

  settle(reply: Reply): void {
    const waiting = this.pending.get(reply.requestId);
    if (!waiting) return;
    this.pending.delete(reply.requestId);
    if (reply.ok) waiting.resolve();
    else waiting.reject(new HostRequestError(reply.error));
  }
}
