import type { RestoreSessionSummary } from '../../core/model/restoreSession';
import type { TimelineEntry } from '../../core/timeline/timelineEntry';
import type { TimelineData } from '../../shared/timelineProtocol';
import type { ServerRegistry } from '../serverRegistry';
import type { SessionListStore } from '../sessions/sessionListStore';
import { describeFilter } from '../tree/sessionFilterState';
import type { Translate } from '../../shared/translate';

/** A list row as the timeline needs it (only the fields that place and label a bar; optional ones only when set). */
export function timelineEntry(serverId: string, s: RestoreSessionSummary): TimelineEntry {
  const entry: TimelineEntry = { serverId, sessionId: s.id, name: s.name, typeLabel: s.typeLabel, state: s.state, result: s.result };
  if (s.creationTime !== undefined) entry.creationTime = s.creationTime;
  if (s.endTime !== undefined) entry.endTime = s.endTime;
  if (s.creationTimeLocal !== undefined) entry.creationTimeLocal = s.creationTimeLocal;
  if (s.endTimeLocal !== undefined) entry.endTimeLocal = s.endTimeLocal;
  if (s.durationMs !== undefined) entry.durationMs = s.durationMs;
  const object = s.vmDisplayName ?? s.restoredObject;
  if (object) entry.object = object;
  return entry;
}

/**
 * What the page draws: the sessions the tree has loaded (the tree's filter already applied by the server), for one
 * server or all of them, and the servers whose sessions are missing.
 */
export function timelineData(
  registry: Pick<ServerRegistry, 'list' | 'isSignedOut'>,
  store: Pick<SessionListStore, 'sessions' | 'hasMore' | 'filter'>,
  scope: string | undefined,
  t: Translate,
): TimelineData {
  const servers = registry.list().filter((s) => scope === undefined || s.id === scope);
  const entries: TimelineEntry[] = [];
  const missing: string[] = [];
  let partial = false;
  for (const server of servers) {
    const sessions = registry.isSignedOut(server.id) ? undefined : store.sessions(server.id);
    if (!sessions) {
      missing.push(server.name);
      continue;
    }
    for (const s of sessions) entries.push(timelineEntry(server.id, s));
    partial ||= store.hasMore(server.id);
  }
  return {
    servers: servers.map((s) => ({ id: s.id, name: s.name })),
    entries,
    filter: describeFilter(store.filter, t),
    scope: scope === undefined ? undefined : servers[0]?.name,
    missing,
    partial,
  };
}
