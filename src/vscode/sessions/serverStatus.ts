import type { VeeamErrorCode } from '../../core/errors';

/** What the tree shows on a server node. */
export type ServerStatus =
  | { kind: 'idle' }
  /** `sessionsRead`: a list read in full (servers that promise no order) has this many so far. */
  | { kind: 'loading'; sessionsRead?: number; totalCount?: number }
  | { kind: 'ready' }
  /** `retryAt`: epoch ms of the next automatic attempt (the monitor's backoff), when one is planned. */
  | { kind: 'error'; code: VeeamErrorCode | 'unexpected'; message: string; retryAt?: number }
  | { kind: 'signedOut' };
