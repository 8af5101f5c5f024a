import type { ServerKind } from './restoreSession';

/** How a server's TLS certificate is trusted. Never global: each server carries its own. */
export type TlsTrust =
  | { mode: 'system' }
  /** Extra CA certificate(s) in PEM, added to the system CAs for this server only. */
  | { mode: 'ca'; caPem: string }
  /** Accept exactly the leaf certificate with this SHA-256 fingerprint (hex, colons optional); the host name is still checked. */
  | { mode: 'fingerprint'; sha256: string };

/** A server definition. Holds no secret: passwords and tokens live in SecretStorage. */
export interface ServerConfig {
  /** Stable key (used for secrets and tree ids). */
  id: string;
  kind: ServerKind;
  /** Origin of the server, e.g. `https://em01:9398` (the client adds `/api` or `/vN`). */
  url: string;
  name: string;
  username: string;
  /** VB365 API version (`v3` … `v8`); ignored for EM. */
  apiVersion?: string;
  trust: TlsTrust;
}

export const DEFAULT_PORTS: Record<ServerKind, number> = { em: 9398, vb365: 4443, vbr: 9419 };
export const VB365_API_VERSIONS = ['v3', 'v4', 'v5', 'v6', 'v7', 'v8'] as const;
export const VB365_LATEST_API_VERSION = 'v8';
