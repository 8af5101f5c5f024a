/**
 * The typed message protocol between the session panel host (extension) and its page script (webview).
 * Both bundles import this file; every message crossing the boundary is checked with the guards below
 * before anything acts on it, because a webview is a separate, less trusted process.
 */
import type { BodyFormat, RawBody, RestoreSession, RestoreSessionEvent, TaskSession } from '../core/model/restoreSession';

/** `viewType` of the panel; `activationEvents` lists `onWebviewPanel:` with it. */
export const SESSION_PANEL_VIEW_TYPE = 'veeamRestoreSessions.session';

export const PANEL_TABS = ['overview', 'events', 'raw', 'other'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/** Raw tab: the body indented for reading, or exactly as the server sent it. */
export type RawView = 'pretty' | 'original';

/** What the page remembers across hide/show and window reloads (webview state). No secrets, no bodies. */
export interface PanelUiState {
  tab: PanelTab;
  rawView: RawView;
  /** EM only: the representation the user asked for. */
  rawFormat?: BodyFormat;
  scrollY: number;
}

/** The webview state as persisted by VS Code; what the panel serializer receives after a reload. */
export interface PanelPersistedState {
  serverId: string;
  sessionId: string;
  ui: PanelUiState;
}

/** The session as the page shows it: the raw body travels in its own message. */
export type PanelSession = Omit<RestoreSession, 'raw'>;

/** Facts about the panel that do not come from the session itself. */
export interface PanelContext {
  serverId: string;
  sessionId: string;
  serverName: string;
  /** The server's API has a per-session log (events). */
  hasLog: boolean;
  /** Why there is no log, for kinds without one (shown in the Log tab instead of an empty table). */
  logExplanation?: string;
  /** The server's API can stop a running session. */
  canStop: boolean;
  /** The server serves a session in XML and JSON. */
  canSwitchFormat: boolean;
}

export interface PanelError {
  /** A VeeamErrorCode, or `unexpected`. */
  code: string;
  message: string;
}

// ---- host → page ----

export type HostMessage =
  | { type: 'context'; context: PanelContext }
  | { type: 'loading' }
  | { type: 'session'; session: PanelSession }
  | { type: 'raw'; raw: RawBody }
  | { type: 'events'; events: readonly RestoreSessionEvent[] }
  | { type: 'taskSessions'; tasks: TaskSession[] }
  | { type: 'eventsError'; error: PanelError }
  | { type: 'error'; error: PanelError }
  | { type: 'reply'; requestId: number; ok: true }
  | { type: 'reply'; requestId: number; ok: false; error: PanelError };

// ---- page → host ----

/** Page requests that expect a `reply` with the same requestId. */
export type PageRequest =
  | { type: 'setRawFormat'; requestId: number; format: BodyFormat }
  | { type: 'openRaw'; requestId: number }
  | { type: 'openLink'; requestId: number; href: string }
  | { type: 'copyRaw'; requestId: number }
  | { type: 'refreshEvents'; requestId: number }
  | { type: 'stop'; requestId: number }
  | { type: 'openLogAsText'; requestId: number };

export type PageMessage =
  /** Sent on every page load (first open, re-show after hide, reload); the host answers with the whole view. */
  | { type: 'ready' }
  | { type: 'retry' }
  | PageRequest;

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isBodyFormat(value: unknown): value is BodyFormat {
  return value === 'xml' || value === 'json';
}

function isPanelTab(value: unknown): value is PanelTab {
  return typeof value === 'string' && (PANEL_TABS as readonly string[]).includes(value);
}

export function isPanelUiState(value: unknown): value is PanelUiState {
  if (!isRecord(value)) return false;
  return (
    isPanelTab(value.tab) &&
    (value.rawView === 'pretty' || value.rawView === 'original') &&
    (value.rawFormat === undefined || isBodyFormat(value.rawFormat)) &&
    typeof value.scrollY === 'number' &&
    Number.isFinite(value.scrollY)
  );
}

export function isPanelPersistedState(value: unknown): value is PanelPersistedState {
  if (!isRecord(value)) return false;
  return (
    typeof value.serverId === 'string' &&
    value.serverId.length > 0 &&
    typeof value.sessionId === 'string' &&
    value.sessionId.length > 0 &&
    isPanelUiState(value.ui)
  );
}

/** Longest href the page may hand back; real Veeam links are far shorter. */
const MAX_HREF_LENGTH = 4096;

/** Validates a message from the page. Anything else (unknown type, extra shapes, wrong field types) is refused. */
export function isPageMessage(value: unknown): value is PageMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'retry':
      return true;
    case 'setRawFormat':
      return isRequestId(value.requestId) && isBodyFormat(value.format);
    case 'openLink':
      return isRequestId(value.requestId) && typeof value.href === 'string' && value.href.length <= MAX_HREF_LENGTH;
    case 'openRaw':
    case 'copyRaw':
    case 'refreshEvents':
    case 'stop':
    case 'openLogAsText':
      return isRequestId(value.requestId);
    default:
      return false;
  }
}

function isPanelError(value: unknown): value is PanelError {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

function isPanelSession(value: unknown): value is PanelSession {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.state === 'string' &&
    typeof value.result === 'string' &&
    Array.isArray(value.links) &&
    isRecord(value.extra)
  );
}

function isRawBody(value: unknown): value is RawBody {
  return isRecord(value) && typeof value.text === 'string' && typeof value.contentType === 'string' && isBodyFormat(value.format);
}

function isPanelContext(value: unknown): value is PanelContext {
  return (
    isRecord(value) &&
    typeof value.serverId === 'string' &&
    typeof value.sessionId === 'string' &&
    typeof value.serverName === 'string' &&
    typeof value.hasLog === 'boolean' &&
    typeof value.canStop === 'boolean' &&
    typeof value.canSwitchFormat === 'boolean'
  );
}

/** Validates a message from the host (the page checks too: cheap, and it keeps the renderer's assumptions honest). */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'context':
      return isPanelContext(value.context);
    case 'loading':
      return true;
    case 'session':
      return isPanelSession(value.session);
    case 'raw':
      return isRawBody(value.raw);
    case 'events':
      return Array.isArray(value.events) && value.events.every(isRecord);
    case 'taskSessions':
      return Array.isArray(value.tasks) && value.tasks.every((t) => isRecord(t) && typeof t.id === 'string' && typeof t.state === 'string');
    case 'eventsError':
    case 'error':
      return isPanelError(value.error);
    case 'reply':
      return isRequestId(value.requestId) && (value.ok === true || (value.ok === false && isPanelError(value.error)));
    default:
      return false;
  }
}
