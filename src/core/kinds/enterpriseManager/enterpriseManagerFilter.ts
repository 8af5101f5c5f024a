import type { SessionFilter } from '../../clients/restoreSessionClient';

const STATE_VALUES: Record<'running' | 'stopping' | 'finished', string[]> = {
  running: ['Starting', 'Working'],
  stopping: ['Stopping'],
  finished: ['Stopped'],
};
const RESULT_VALUES: Record<'success' | 'warning' | 'failed', string> = { success: 'Success', warning: 'Warning', failed: 'Failed' };

/**
 * The EM query-service `filter` expression for the server-side parts of a SessionFilter (A.5.6):
 * alternatives of one field are OR-ed (`,`) inside parentheses, fields are AND-ed (`;`).
 * Example: `(State==Starting,State==Working);(Result==Failed)`. Undefined when nothing is filtered.
 * `text` is left out on purpose: the grammar only has ==, !=, <, >, <=, >= — no "contains" — so a
 * name substring cannot be expressed; the client filters names itself.
 * The result is the raw expression; URLSearchParams percent-encodes it when it goes into the URL.
 */
export function enterpriseManagerFilter(filter: SessionFilter | undefined): string | undefined {
  if (!filter) return undefined;
  const groups: string[][] = [];
  if (filter.states?.length) groups.push(unique(filter.states.flatMap((s) => STATE_VALUES[s] ?? [])).map((v) => `State==${v}`));
  if (filter.results?.length) groups.push(unique(filter.results.map((r) => RESULT_VALUES[r])).filter(Boolean).map((v) => `Result==${v}`));
  if (filter.types?.length) groups.push(unique(filter.types.filter((t) => t.trim() !== '')).map((v) => `Type==${quote(v)}`));
  const parts = groups.filter((g) => g.length > 0).map((g) => `(${g.join(',')})`);
  return parts.length ? parts.join(';') : undefined;
}

/** Plain words stay bare (like Veeam's own examples); anything else is quoted with `"` doubled. */
function quote(value: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(value) ? value : `"${value.replace(/"/g, '""')}"`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
