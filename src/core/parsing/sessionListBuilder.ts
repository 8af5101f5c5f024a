import type { RawBody, RestoreSessionSummary } from '../model/restoreSession';

/** Collects normalised list items, dropping unusable rows and repeated ids (first occurrence wins). */
export function buildSessionList(
  items: unknown[],
  normalise: (item: Record<string, unknown>) => RestoreSessionSummary | undefined,
): { sessions: RestoreSessionSummary[]; skipped: number } {
  const seen = new Set<string>();
  const sessions: RestoreSessionSummary[] = [];
  let skipped = 0;
  for (const item of items) {
    const s = typeof item === 'object' && item !== null && !Array.isArray(item) ? normalise(item as Record<string, unknown>) : undefined;
    if (!s || seen.has(s.id)) {
      skipped++;
      continue;
    }
    seen.add(s.id);
    sessions.push(s);
  }
  return { sessions, skipped };
}

export type { RawBody };
