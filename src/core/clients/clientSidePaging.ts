import type { RestoreSessionSummary, SessionPage } from '../model/restoreSession';

export interface SourcePage {
  sessions: RestoreSessionSummary[];
  /** The server has more after this page. */
  hasNext: boolean;
}

/**
 * Builds page `page` of the sessions that pass `keep`, reading the server's pages in order until that
 * page (plus one item, to know whether more exist) is filled or the data ends. Bounded: after
 * `maxSourcePages` reads it stops and reports `hasMore` if the server had more, so a filter matching
 * nothing in a huge history cannot turn into an endless crawl.
 */
export async function collectFilteredPage(
  readSourcePage: (index: number) => Promise<SourcePage>,
  keep: (s: RestoreSessionSummary) => boolean,
  page: number,
  pageSize: number,
  maxSourcePages: number,
): Promise<SessionPage> {
  const wanted = page * pageSize + 1;
  const matches: RestoreSessionSummary[] = [];
  const seen = new Set<string>();
  let exhausted = false;
  for (let index = 0; index < maxSourcePages && matches.length < wanted; index++) {
    const source = await readSourcePage(index);
    for (const s of source.sessions) {
      // Sessions created between two page reads shift the server's pages; skip what was already seen.
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      if (keep(s)) matches.push(s);
    }
    if (!source.hasNext || source.sessions.length === 0) {
      exhausted = true;
      break;
    }
  }
  const start = (page - 1) * pageSize;
  return {
    sessions: matches.slice(start, start + pageSize),
    page,
    pageSize,
    hasMore: matches.length > start + pageSize || !exhausted,
  };
}

/** One page of an in-memory list. */
export function pageOf(sessions: RestoreSessionSummary[], page: number, pageSize: number): SessionPage {
  const start = (page - 1) * pageSize;
  return {
    sessions: sessions.slice(start, start + pageSize),
    page,
    pageSize,
    hasMore: sessions.length > start + pageSize,
    totalCount: sessions.length,
    pagesCount: Math.max(1, Math.ceil(sessions.length / pageSize)),
  };
}
