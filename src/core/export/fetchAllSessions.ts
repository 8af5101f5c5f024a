import type { ListQuery, RestoreSessionClient } from '../clients/restoreSessionClient';
import { VeeamError } from '../errors';
import type { RestoreSessionSummary } from '../model/restoreSession';

/**
 * Every session a server has under a filter, read page after page with the client's own paging. A session seen on
 * two pages (new ones shift the pages while reading) is kept once, and a page that brings nothing new ends the read
 * (a server that ignores the page number would otherwise be read for ever). `onProgress` gets the count after each page.
 */
export async function fetchAllSessions(
  client: Pick<RestoreSessionClient, 'listSessions'>,
  query: Omit<ListQuery, 'page' | 'onProgress'> & { onProgress?: (sessionsRead: number, totalCount: number | undefined) => void },
): Promise<RestoreSessionSummary[]> {
  const sessions: RestoreSessionSummary[] = [];
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    if (query.signal?.aborted) throw new VeeamError('cancelled', 'Reading the sessions was cancelled.');
    const result = await client.listSessions({ page, pageSize: query.pageSize, filter: query.filter, scope: query.scope, signal: query.signal });
    let added = 0;
    for (const s of result.sessions) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      sessions.push(s);
      added++;
    }
    query.onProgress?.(sessions.length, result.totalCount);
    if (!result.hasMore || added === 0) return sessions;
  }
}
