import type { EmRestoreSession } from './enterpriseManagerData';
import type { EmLink, EmPagingView } from './enterpriseManagerViews';
import { compileFilter, compileSort, QueryError } from './restoreSessionQuery';

export interface RestoreSessionQueryPage {
  sessions: EmRestoreSession[];
  paging: EmPagingView;
}

const DEFAULT_PAGE_SIZE = 100;

/**
 * Runs `GET /api/query?type=RestoreSession…` (A.5.6/A.6.3): filter, sort, page, and the paging links that
 * repeat the original query with `filter` percent-encoded.
 */
export function queryRestoreSessions(all: readonly EmRestoreSession[], query: ReadonlyMap<string, string>, origin: string): RestoreSessionQueryPage {
  const filterText = query.get('filter');
  const predicate = filterText !== undefined && filterText.trim() !== '' ? compileFilter(filterText) : undefined;
  const sortAsc = query.get('sortasc');
  const sortDesc = query.get('sortdesc');
  const sort = sortAsc !== undefined ? compileSort(sortAsc, false) : sortDesc !== undefined ? compileSort(sortDesc, true) : undefined;
  const pageSize = positiveInteger(query.get('pagesize'), 'pageSize') ?? DEFAULT_PAGE_SIZE;
  const page = positiveInteger(query.get('page'), 'page') ?? 1;

  let matching = predicate ? all.filter(predicate) : all.slice();
  if (sort) matching = matching.sort(sort.compare);
  const pagesCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const sessions = matching.slice((page - 1) * pageSize, page * pageSize);

  const base = [`type=RestoreSession`];
  const format = query.get('format');
  // Hrefs keep the server's canonical casing whatever casing the client used (A.3.6).
  if (format !== undefined) base.push(`format=${format.toLowerCase().startsWith('entit') ? 'Entities' : 'References'}`);
  if (filterText !== undefined) base.push(`filter=${encodeURIComponent(filterText)}`);
  if (sort) base.push(`${sortAsc !== undefined ? 'sortAsc' : 'sortDesc'}=${sort.field}`);
  base.push(`pageSize=${pageSize}`);
  const link = (rel: string, n: number): EmLink => ({ rel, href: `${origin}/api/query?${base.join('&')}&page=${n}` });
  const links: EmLink[] = [link('First', 1)];
  if (page > 1) links.push(link('Previous', Math.min(page - 1, pagesCount)));
  if (page < pagesCount) links.push(link('Next', page + 1));
  links.push(link('Last', pagesCount));
  return { sessions, paging: { pageNum: page, pageSize, pagesCount, links } };
}

function positiveInteger(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) throw new QueryError(`Parameter [${name}] must be a positive integer, got [${text}].`);
  return Number(text);
}
