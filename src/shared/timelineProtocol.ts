/**
 * The typed message protocol between the Restore Activity panel (extension) and its page script (webview). Both
 * bundles import this file; each side checks every message with the guards below before acting on it.
 */
import type { TimelineEntry, TimelineServer } from '../core/timeline/timelineEntry';

/** `viewType` of the Restore Activity panel. */
export const TIMELINE_VIEW_TYPE = 'veeamRestoreSessions.activity';

export const TIMELINE_ZOOMS = ['1h', '24h', '7d'] as const;
export type TimelineZoom = (typeof TIMELINE_ZOOMS)[number];

export const EXPORT_FORMATS = ['svg', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What the page shows: the loaded sessions (already narrowed by the tree's filter) and what limits them. */
export interface TimelineData {
  servers: TimelineServer[];
  entries: TimelineEntry[];
  /** The tree's filter in words, when one is active. */
  filter?: string;
  /** The one server shown, when the view was opened for one (its name); undefined for all servers. */
  scope?: string;
  /** Servers whose sessions are not loaded (signed out, failed, loading): named so a gap is not read as "no restores". */
  missing: string[];
  /** Sessions more than loaded ("Load more" in the tree brings older ones). */
  partial: boolean;
}

// ---- host → page ----

export type TimelineHostMessage =
  | { type: 'data'; data: TimelineData }
  | { type: 'tooltip'; requestId: number; title: string; lines: Array<[string, string]> }
  | { type: 'reply'; requestId: number; ok: boolean; message?: string };

// ---- page → host ----

export type TimelinePageMessage =
  | { type: 'ready' }
  | { type: 'open'; serverId: string; sessionId: string }
  | { type: 'tooltip'; requestId: number; serverId: string; sessionId: string }
  /** `data`: the SVG text, or a PNG as a `data:image/png;base64,` URL. */
  | { type: 'export'; requestId: number; format: ExportFormat; data: string }
  | { type: 'filter' }
  | { type: 'clearFilter' };

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 512;
}

/** Largest export the host accepts: a 10,000-row picture is a few MB of SVG. */
const MAX_EXPORT_LENGTH = 64 * 1024 * 1024;

export function isTimelinePageMessage(value: unknown): value is TimelinePageMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'filter':
    case 'clearFilter':
      return true;
    case 'open':
      return isId(value.serverId) && isId(value.sessionId);
    case 'tooltip':
      return isRequestId(value.requestId) && isId(value.serverId) && isId(value.sessionId);
    case 'export':
      return (
        isRequestId(value.requestId) &&
        (EXPORT_FORMATS as readonly unknown[]).includes(value.format) &&
        typeof value.data === 'string' &&
        value.data.length <= MAX_EXPORT_LENGTH
      );
    default:
      return false;
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isEntry(value: unknown): value is TimelineEntry {
  return (
    isRecord(value) &&
    typeof value.serverId === 'string' &&
    typeof value.sessionId === 'string' &&
    typeof value.name === 'string' &&
    typeof value.typeLabel === 'string' &&
    typeof value.state === 'string' &&
    typeof value.result === 'string'
  );
}

function isTimelineData(value: unknown): value is TimelineData {
  return (
    isRecord(value) &&
    Array.isArray(value.servers) &&
    value.servers.every((s) => isRecord(s) && typeof s.id === 'string' && typeof s.name === 'string') &&
    Array.isArray(value.entries) &&
    value.entries.every(isEntry) &&
    (value.filter === undefined || typeof value.filter === 'string') &&
    (value.scope === undefined || typeof value.scope === 'string') &&
    isStringList(value.missing) &&
    typeof value.partial === 'boolean'
  );
}

export function isTimelineHostMessage(value: unknown): value is TimelineHostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'data':
      return isTimelineData(value.data);
    case 'tooltip':
      return (
        isRequestId(value.requestId) &&
        typeof value.title === 'string' &&
        Array.isArray(value.lines) &&
        value.lines.every((l) => Array.isArray(l) && l.length === 2 && typeof l[0] === 'string' && typeof l[1] === 'string')
      );
    case 'reply':
      return isRequestId(value.requestId) && typeof value.ok === 'boolean' && (value.message === undefined || typeof value.message === 'string');
    default:
      return false;
  }
}
