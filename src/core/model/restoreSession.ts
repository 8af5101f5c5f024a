/** The one domain model both protocol clients normalise into (see shared/veeam-api.md, Part C). */

import type { ServerKind } from '../kinds/serverKinds';

export type { ServerKind };

/** Lifecycle, normalised: Starting/Working → running, Stopping → stopping, Stopped → finished. */
export type SessionState = 'running' | 'stopping' | 'finished' | 'unknown';

/** Outcome, normalised. `pending` while running (EM `None`, or VB365 while Working); `unknown` while the state is. */
export type SessionResult = 'pending' | 'success' | 'warning' | 'failed' | 'unknown';

export type Platform =
  | 'vSphere'
  | 'Cloud Director'
  | 'Hyper-V'
  | 'Exchange'
  | 'OneDrive'
  | 'SharePoint'
  | 'Teams'
  | 'unknown'
  /** An open vocabulary (Backup & Replication's platformName): a label this version does not map is kept as sent. */
  | (string & {});

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

/**
 * A restore session as a list shows it: what the tree, its tooltip, the status bar and the monitor need. Lists hold
 * tens of thousands of these, so links, unknown fields and the raw body are left to the single-session fetch
 * (`getSession`, a full RestoreSession), and repeated strings (states, types, operators) are shared.
 */
export interface RestoreSessionSummary {
  kind: ServerKind;
  /** Bare GUID, lower case. */
  id: string;
  /** The server's own `urn:veeam:RestoreSession:<guid>`; undefined when it sent none (VB365 never does). */
  uid?: string;
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
  /** ISO 8601 UTC in toIso's fixed-width form (so string order is time order), or undefined when missing or unparsable. */
  creationTime: string | undefined;
  endTime: string | undefined;
  /** Milliseconds between creation and end; undefined while running (compute live from creationTime). */
  durationMs: number | undefined;
  initiatedBy?: string;
  /** VB365: the operator's stated reason (shown in the tooltip). */
  reason?: string;
  vmDisplayName?: string;
  /** EM `RestoredObjRef` (HierarchyObjRef) or VB365 organization. */
  restoredObject?: string;
  /**
   * The server's own creation/end time text when it carried no zone (Backup & Replication sends some so): shown as
   * the server's local time, never as UTC. `creationTime`/`endTime` stay undefined then.
   */
  creationTimeLocal?: string;
  endTimeLocal?: string;
}

/** Backup & Replication's `progress` object (1.3-rev2): sizes in bytes, the rest as the server words it. */
export interface SessionProgressDetails {
  duration?: string;
  processingRate?: string;
  bottleneck?: string;
  processedSize?: number;
  readSize?: number;
  transferredSize?: number;
}

/** A per-object subtask of a session (Backup & Replication task sessions). */
export interface TaskSession {
  id: string;
  name: string;
  type: string;
  state: SessionState;
  rawState: string;
  result: SessionResult;
  rawResult: string;
  progress: number | undefined;
  creationTime: string | undefined;
  endTime: string | undefined;
  creationTimeLocal?: string;
  endTimeLocal?: string;
}

/** A restore session fetched on its own: the summary plus everything the server said about it. */
export interface RestoreSession extends RestoreSessionSummary {
  /** `urn:veeam:RestoreSession:<guid>`; synthesised for VB365 (which has none). */
  uid: string;
  uidSynthetic: boolean;
  clientHost?: string;
  scopeName?: string;
  details?: string;
  organization?: string;
  links: SessionLink[];
  /** Fields this version of the extension does not know, kept verbatim. */
  extra: Record<string, unknown>;
  /** Present when the session was fetched on its own (not as part of a list). */
  raw?: RawBody;
  /** The session's own Href as the server wrote it (EM), when it has one. */
  selfHref?: string;
  /** The result's own words (Backup & Replication `result.message`). */
  resultMessage?: string;
  /** The session was stopped by someone (Backup & Replication `result.isCanceled`). */
  isCanceled?: boolean;
  parentSessionId?: string;
  jobId?: string;
  /** What the session works on: its id and API path (Backup & Replication `resourceId`/`resourceReference`). */
  resourceId?: string;
  resourceReference?: string;
  progressDetails?: SessionProgressDetails;
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
  /** The server's start time text when it carried no zone (shown as server-local time; `startTime` stays undefined). */
  startTimeLocal?: string;
  /** When the step last changed (Backup & Replication log records), UTC ISO; while a step runs it keeps advancing. */
  updateTime?: string;
  updateTimeLocal?: string;
  /** Further text the server attached to the step (Backup & Replication `additionalInfo`), one `field: data` per line. */
  additionalInfo?: string;
}

export interface SessionPage {
  sessions: RestoreSessionSummary[];
  /** 1-based. */
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** Total pages or items when the server says so. */
  pagesCount?: number;
  totalCount?: number;
}

export function isRunning(s: Pick<RestoreSessionSummary, 'state'>): boolean {
  return s.state === 'running' || s.state === 'stopping';
}

/**
 * Running, or in a state this version does not know (absent, or a newer server's word such as "Postprocessing"):
 * such a session may well still run, so it is kept watched until a known state arrives, never taken for finished.
 */
export function isPossiblyRunning(s: Pick<RestoreSessionSummary, 'state'>): boolean {
  return s.state === 'running' || s.state === 'stopping' || s.state === 'unknown';
}

/** The list form of a fetched session, so a list keeps no links, unknown fields or response body. */
export function summaryOf(s: RestoreSessionSummary): RestoreSessionSummary {
  const summary: RestoreSessionSummary = {
    kind: s.kind,
    id: s.id,
    uid: 'uidSynthetic' in s && s.uidSynthetic ? undefined : s.uid,
    name: s.name,
    type: s.type,
    typeLabel: s.typeLabel,
    platform: s.platform,
    state: s.state,
    rawState: s.rawState,
    result: s.result,
    rawResult: s.rawResult,
    progress: s.progress,
    creationTime: s.creationTime,
    endTime: s.endTime,
    durationMs: s.durationMs,
    initiatedBy: s.initiatedBy,
    reason: s.reason,
    vmDisplayName: s.vmDisplayName,
    restoredObject: s.restoredObject,
  };
  // Added only when present: EM and VB365 rows never have them, and their rows keep one hidden class.
  if (s.creationTimeLocal !== undefined) summary.creationTimeLocal = s.creationTimeLocal;
  if (s.endTimeLocal !== undefined) summary.endTimeLocal = s.endTimeLocal;
  return summary;
}

/** Whether a session was fetched on its own (links, unknown fields) rather than read from a list. */
export function isFullSession(s: RestoreSessionSummary): s is RestoreSession {
  return 'links' in s && 'extra' in s;
}

/**
 * A fetched session updated from a newer list row: the row's fields win, the rest (links, unknown fields, body,
 * the UID when the row has none) stays as fetched.
 */
export function withListRow(full: RestoreSession, row: RestoreSessionSummary): RestoreSession {
  // A spread is fine here (one panel update every few seconds); lists and fetches use fullSession.
  return { ...full, ...summaryOf(row), uid: row.uid ?? full.uid, uidSynthetic: row.uid === undefined && full.uidSynthetic };
}

/** What only a session read on its own has, beyond its list row. */
export type SessionDetails = Pick<RestoreSession, 'uid' | 'uidSynthetic' | 'links' | 'extra'>;

/**
 * A full session from its row fields and details, as one object literal. `{ ...row, uid }` did the same, but
 * overriding a spread property sent V8 down a slow path: ~3.7 µs a session, against ~30 ns for the literal.
 * Optional fields (clientHost, raw, …) are added by the caller when present.
 */
export function fullSession(row: RestoreSessionSummary, details: SessionDetails): RestoreSession {
  return {
    kind: row.kind,
    id: row.id,
    uid: details.uid,
    name: row.name,
    type: row.type,
    typeLabel: row.typeLabel,
    platform: row.platform,
    state: row.state,
    rawState: row.rawState,
    result: row.result,
    rawResult: row.rawResult,
    progress: row.progress,
    creationTime: row.creationTime,
    endTime: row.endTime,
    durationMs: row.durationMs,
    initiatedBy: row.initiatedBy,
    reason: row.reason,
    vmDisplayName: row.vmDisplayName,
    restoredObject: row.restoredObject,
    uidSynthetic: details.uidSynthetic,
    links: details.links,
    extra: details.extra,
  };
}
