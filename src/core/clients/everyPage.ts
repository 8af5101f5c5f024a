import type { VeeamError } from '../errors';
import type { RestoreSessionSummary } from '../model/restoreSession';
import type { ListProgress } from './restoreSessionClient';

/** One offset-paged read: its sessions, whether the server has more, and the total when it says so. */
export interface OffsetPage {
  sessions: RestoreSessionSummary[];
  hasNext: boolean;
  totalCount?: number;
}

/**
 * Every session of an offset-paged list, read page after page (for servers that cannot sort or filter what a view
 * needs). Sessions created between two reads shift the pages: one seen twice is kept once, and a page that brings
 * nothing new ends the read (a server that ignores the offset sends the same page again). Bounded by `maxPages`.
 */
export async function readEveryPage(
  readPage: (offset: number) => Promise<OffsetPage>,
  options: { maxPages: number; tooLarge: (sessionsRead: number) => VeeamError; onProgress?: (progress: ListProgress) => void },
): Promise<RestoreSessionSummary[]> {
  const sessions: RestoreSessionSummary[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (let index = 0; ; index++) {
    if (index === options.maxPages) throw options.tooLarge(sessions.length);
    const page = await readPage(offset);
    let added = 0;
    for (const s of page.sessions) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      sessions.push(s);
      added++;
    }
    const more = page.hasNext && added > 0;
    options.onProgress?.({ sessionsRead: sessions.length, totalCount: page.totalCount, more });
    if (!more) return sessions;
    offset += page.sessions.length;
  }
}
