import type { VeeamErrorCode } from '../../core/errors';

/** What the tree shows on a server node. */
export type ServerStatus =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'error'; code: VeeamErrorCode | 'unexpected'; message: string }
  | { kind: 'signedOut' };
