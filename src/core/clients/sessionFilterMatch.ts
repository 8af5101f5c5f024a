import type { RestoreSessionSummary } from '../model/restoreSession';
import type { SessionFilter } from './restoreSessionClient';

/** The client-side form of a SessionFilter, for lists the server cannot filter (VB365, EM fallback, EM name text). */
export function matchesFilter(session: RestoreSessionSummary, filter: SessionFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.states?.length && !filter.states.some((s) => s === session.state)) return false;
  if (filter.results?.length && !filter.results.some((r) => r === session.result)) return false;
  if (filter.types?.length && !filter.types.some((t) => t.toLowerCase() === session.type.toLowerCase())) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text && !session.name.toLowerCase().includes(text)) return false;
  return true;
}

export function hasFilter(filter: SessionFilter | undefined): boolean {
  return Boolean(filter && (filter.states?.length || filter.results?.length || filter.types?.length || filter.text?.trim()));
}
