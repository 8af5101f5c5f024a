import type { BodyFormat, Platform, RawBody, RestoreSession, RestoreSessionEvent, ServerKind, SessionPage, TaskSession } from '../model/restoreSession';

export interface SessionFilter {
  /** Normalised states to include (empty/undefined = all). */
  states?: Array<'running' | 'stopping' | 'finished'>;
  results?: Array<'success' | 'warning' | 'failed'>;
  /** Server type strings (`RestoreVm`, `FileLevelRestore`, `Vex`, …). */
  types?: string[];
  /** Case-insensitive substring of the name. */
  text?: string;
}

/** How far a list read that needs several server requests has come. */
export interface ListProgress {
  sessionsRead: number;
  /** When the server says how many there are. */
  totalCount?: number;
  /** More requests follow. */
  more: boolean;
}

/**
 * For APIs that list every kind of session (Backup & Replication: backups, replicas…): restores only, restores and
 * restore-adjacent ones (mounts, migrations, publishing), or all. Other APIs list restore sessions only.
 */
export type SessionScope = 'restores' | 'restoresAndAdjacent' | 'all';

export interface ListQuery {
  /** 1-based. */
  page: number;
  pageSize: number;
  filter?: SessionFilter;
  /** Default: restores. */
  scope?: SessionScope;
  signal?: AbortSignal;
  /** Called after each server request of a list that must be read in full (servers that promise no order). */
  onProgress?: (progress: ListProgress) => void;
}

export interface GetOptions {
  /** EM only: XML is the server default; JSON on request. VB365 is always JSON. */
  format?: BodyFormat;
  signal?: AbortSignal;
}

/** Where a client keeps its session token between runs (VS Code: SecretStorage). */
export interface TokenStore {
  load(): Promise<string | undefined>;
  save(token: string | undefined): Promise<void>;
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
/** Log sink. Messages never contain secrets (clients redact them). */
export type Logger = (level: LogLevel, message: string) => void;

/** What the extension, CLI and benchmarks need from either server kind. */
export interface RestoreSessionClient {
  readonly kind: ServerKind;
  /** Connects (logon / token) if needed; resolves with a short server description (version). */
  connect(signal?: AbortSignal): Promise<string>;
  listSessions(query: ListQuery): Promise<SessionPage>;
  getSession(id: string, options?: GetOptions): Promise<RestoreSession>;
  /**
   * The session's whole log, for kinds whose capabilities say `log`; others resolve to []. `known`: what this call
   * returned for the same session before; a kind whose API pages the log re-reads only what may have changed since
   * (and reads it all when the server's answer does not line up with it), the others ignore it.
   */
  getEvents(id: string, signal?: AbortSignal, known?: readonly RestoreSessionEvent[]): Promise<RestoreSessionEvent[]>;
  /**
   * Asks the server to stop a running session, for kinds whose capabilities say `stop`. Resolves when the server
   * accepted the request (the session then moves to its final state: watch it); throws a typed error otherwise.
   */
  stopSession?(id: string, signal?: AbortSignal): Promise<void>;
  /** Per-object task sessions, for kinds whose capabilities say `taskSessions`. */
  getTaskSessions?(id: string, signal?: AbortSignal): Promise<TaskSession[]>;
  /** The API version spoken now, for kinds that negotiate one (it may differ from the configured one after a fallback). */
  apiVersion?(): string;
  /**
   * Origins besides the configured one that the server names itself by in its own hrefs (behind a reverse proxy or
   * a port mapping), learned from documents it served about themselves. Links on them are this server's.
   */
  advertisedOrigins(): readonly string[];
  /**
   * The platform of a session fetched on its own: its own when known, else (EM) read once per VM restore point from
   * its `Related` link and cached; `unknown` when that fails (logged). Never for list rows: one request per point.
   */
  platformOf(session: RestoreSession): Promise<Platform>;
  /** Fetches a related resource (a link href of this server) as a raw document. */
  getRaw(href: string, format: BodyFormat, signal?: AbortSignal): Promise<RawBody>;
  /** Ends the server-side session (EM logoff, VB365 token logout where supported). */
  logoff(): Promise<void>;
  /** Closes the connection pool. */
  dispose(): Promise<void>;
}
