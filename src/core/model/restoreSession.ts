/** The one domain model both protocol clients normalise into (see shared/veeam-api.md, Part C). */

export type ServerKind = 'em' | 'vb365';

/** Lifecycle, normalised: Starting/Working → running, Stopping → stopping, Stopped → finished. */
export type SessionState = 'running' | 'stopping' | 'finished' | 'unknown';

/** Outcome, normalised. `pending` while running (EM `None`, or VB365 while Working). */
export type SessionResult = 'pending' | 'success' | 'warning' | 'failed' | 'unknown';

export type Platform =
  | 'vSphere'
  | 'Cloud Director'
  | 'Hyper-V'
  | 'Exchange'
  | 'OneDrive'
  | 'SharePoint'
  | 'Teams'
  | 'unknown';

export interface SessionLink {
  rel: string;
  href: string;
  type?: string;
  name?: string;
}

export type BodyFormat = 'xml' | 'json';

/** A response body exactly as the server sent it. */
export interface RawBody {
  text: string;
  contentType: string;
  format: BodyFormat;
}

export interface RestoreSession {
  kind: ServerKind;
  /** Bare GUID, lower case. */
  id: string;
  /** `urn:veeam:RestoreSession:<guid>`; synthesised for VB365 (which has none). */
  uid: string;
  uidSynthetic: boolean;
  name: string;
  /** Server's own type string, verbatim (`RestoreVm`, `FileLevelRestore`, `Vex`, …). */
  type: string;
  /** Human label for `type` (`VM restore`, `Exchange`, …); the raw string when unknown. */
  typeLabel: string;
  platform: Platform;
  state: SessionState;
  /** Server's own state string, verbatim. */
  rawState: string;
  result: SessionResult;
  rawResult: string;
  /** 0–100, or undefined when the server gives none (VB365) or an unusable value. */
  progress: number | undefined;
  /** ISO 8601 UTC, or undefined when missing or unparsable. */
  creationTime: string | undefined;
  endTime: string | undefined;
  /** Milliseconds between creation and end; undefined while running (compute live from creationTime). */
  durationMs: number | undefined;
  initiatedBy?: string;
  reason?: string;
  clientHost?: string;
  scopeName?: string;
  details?: string;
  organization?: string;
  vmDisplayName?: string;
  /** EM `RestoredObjRef` (HierarchyObjRef) or VB365 organization. */
  restoredObject?: string;
  links: SessionLink[];
  /** Fields this version of the extension does not know, kept verbatim. */
  extra: Record<string, unknown>;
  /** Present when the session was fetched on its own (not as part of a list). */
  raw?: RawBody;
}

export interface RestoreSessionEvent {
  id: string;
  type: string;
  status: string;
  title: string;
  message: string;
  order: number;
  startTime: string | undefined;
  endTime: string | undefined;
  duration?: string;
  itemName?: string;
  itemType?: string;
  source?: string;
  target?: string;
}

export interface SessionPage {
  sessions: RestoreSession[];
  /** 1-based. */
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** Total pages or items when the server says so. */
  pagesCount?: number;
  totalCount?: number;
}

export function isRunning(s: Pick<RestoreSession, 'state'>): boolean {
  return s.state === 'running' || s.state === 'stopping';
}
