import { barEnd, placeBar, type BarPlacement, type BarTone } from './barPlacement';
import type { TimelineEntry, TimelineServer } from './timelineEntry';

/** The span of time on screen, epoch milliseconds, start < end. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** A session with its bar, in drawing order. */
export interface PlacedSession {
  entry: TimelineEntry;
  placement: BarPlacement;
}

/**
 * Sessions grouped and ordered once (server, then restored object, then start): the costly part of a layout, done
 * when the data changes. Panning and zooming only walk this in order (layoutTimeline), which is linear.
 */
export interface PreparedTimeline {
  servers: ReadonlyArray<{ server: TimelineServer; groups: ReadonlyArray<{ object: string | undefined; sessions: readonly PlacedSession[] }> }>;
  /** Every placed session, for the summary figures (same objects as in `servers`). */
  placed: readonly PlacedSession[];
  /** Sessions without a usable start time: counted, never drawn. */
  unplaced: number;
}

export interface Bar {
  start: number;
  /** Its own end, or `now` while it may run (never before start). */
  end: number;
  tone: BarTone;
  live: boolean;
  zoneless: boolean;
  skewed: boolean;
  endUnknown: boolean;
  /** The bar goes on before the window's start / after its end. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export type TimelineRow =
  | { kind: 'server'; serverId: string; label: string; count: number }
  | { kind: 'group'; serverId: string; label: string | undefined; count: number }
  | { kind: 'session'; entry: TimelineEntry; bar: Bar };

export interface TimelineLayout {
  window: TimeWindow;
  rows: TimelineRow[];
  /** Row indexes of the session rows, in order: keyboard navigation moves along this. */
  sessionRows: number[];
}

/** Groups, places and orders the sessions. `zonelessOffsetMs`: the viewer's offset east of UTC (see placeBar). */
export function prepareTimeline(servers: readonly TimelineServer[], entries: readonly TimelineEntry[], zonelessOffsetMs: number): PreparedTimeline {
  const byServer = new Map<string, Map<string | undefined, PlacedSession[]>>();
  const placed: PlacedSession[] = [];
  const seen = new Set<string>();
  let unplaced = 0;
  for (const entry of entries) {
    // A session can arrive twice (two pages overlapping while the list moved): one row each.
    const key = `${entry.serverId}/${entry.sessionId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const placement = placeBar(entry, zonelessOffsetMs);
    if (!placement) {
      unplaced += 1;
      continue;
    }
    const session = { entry, placement };
    placed.push(session);
    let groups = byServer.get(entry.serverId);
    if (!groups) byServer.set(entry.serverId, (groups = new Map()));
    const object = entry.object?.trim() || undefined;
    let group = groups.get(object);
    if (!group) groups.set(object, (group = []));
    group.push(session);
  }
  const known = new Set(servers.map((s) => s.id));
  // Sessions of a server missing from the list (removed while its rows were on the way) still show, under their id.
  const orderedServers = [...servers, ...[...byServer.keys()].filter((id) => !known.has(id)).map((id) => ({ id, name: id }))];
  return {
    servers: orderedServers
      .filter((server) => byServer.has(server.id))
      .map((server) => ({
        server,
        groups: [...byServer.get(server.id)!.entries()]
          .sort(([a], [b]) => compareObjects(a, b))
          .map(([object, sessions]) => ({ object, sessions: sessions.sort(compareSessions) })),
      })),
    placed,
    unplaced,
  };
}

/** Named objects alphabetically, sessions naming none last. */
function compareObjects(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.localeCompare(b);
}

/** Earliest start first; equal starts by name, then id, so the order never depends on the server's. */
function compareSessions(a: PlacedSession, b: PlacedSession): number {
  return a.placement.start - b.placement.start || a.entry.name.localeCompare(b.entry.name) || a.entry.sessionId.localeCompare(b.entry.sessionId);
}

/**
 * The rows on screen for a window at `now`: only sessions whose bar meets the window, under a heading per server
 * and per restored object (headings without sessions in the window are left out). Linear in the sessions.
 */
export function layoutTimeline(prepared: PreparedTimeline, window: TimeWindow, now: number): TimelineLayout {
  const rows: TimelineRow[] = [];
  const sessionRows: number[] = [];
  for (const { server, groups } of prepared.servers) {
    const serverRow: TimelineRow = { kind: 'server', serverId: server.id, label: server.name, count: 0 };
    let serverAt = -1;
    for (const { object, sessions } of groups) {
      let groupRow: (TimelineRow & { kind: 'group' }) | undefined;
      for (const { entry, placement } of sessions) {
        // Sorted by start: nothing after this one starts inside the window.
        if (placement.start > window.end) break;
        const { end, skewed } = barEnd(placement, now);
        if (end < window.start) continue;
        if (serverAt < 0) {
          serverAt = rows.length;
          rows.push(serverRow);
        }
        if (!groupRow) {
          groupRow = { kind: 'group', serverId: server.id, label: object, count: 0 };
          rows.push(groupRow);
        }
        groupRow.count += 1;
        serverRow.count += 1;
        sessionRows.push(rows.length);
        rows.push({
          kind: 'session',
          entry,
          bar: {
            start: placement.start,
            end,
            tone: placement.tone,
            live: placement.fixedEnd === undefined,
            zoneless: placement.zoneless,
            skewed,
            endUnknown: placement.endUnknown,
            clippedStart: placement.start < window.start,
            clippedEnd: end > window.end,
          },
        });
      }
    }
  }
  return { window, rows, sessionRows };
}
