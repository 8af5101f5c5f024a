import type { SessionFilter } from '../../core/clients/restoreSessionClient';
import { resultName, stateName } from '../../shared/sessionLabels';
import type { Translate } from '../../shared/translate';

type State = NonNullable<SessionFilter['states']>[number];
type Result = NonNullable<SessionFilter['results']>[number];

export const FILTER_STATES: readonly State[] = ['running', 'stopping', 'finished'];
export const FILTER_RESULTS: readonly Result[] = ['success', 'warning', 'failed'];

/**
 * Normalises user input into the filter the clients take: drops empty lists and blank text, de-duplicates,
 * ignores unknown values. `undefined` means "no filter".
 */
export function toSessionFilter(input: {
  states?: readonly string[];
  results?: readonly string[];
  types?: readonly string[];
  text?: string;
}): SessionFilter | undefined {
  const states = unique(input.states).filter((s): s is State => (FILTER_STATES as readonly string[]).includes(s));
  const results = unique(input.results).filter((r): r is Result => (FILTER_RESULTS as readonly string[]).includes(r));
  const types = unique(input.types?.map((x) => x.trim()).filter((x) => x.length > 0));
  const text = input.text?.trim();
  const filter: SessionFilter = {};
  if (states.length) filter.states = states;
  if (results.length) filter.results = results;
  if (types.length) filter.types = types;
  if (text) filter.text = text;
  return Object.keys(filter).length ? filter : undefined;
}

/** One line for TreeView.description: "Filter: Running, Failed, VM restore, “sql”". */
export function describeFilter(filter: SessionFilter | undefined, t: Translate): string | undefined {
  if (!filter) return undefined;
  const parts: string[] = [];
  for (const s of filter.states ?? []) parts.push(stateName(s, t));
  for (const r of filter.results ?? []) parts.push(resultName(r, t));
  parts.push(...(filter.types ?? []));
  if (filter.text) parts.push(`“${filter.text}”`);
  return parts.length ? t('Filter: {0}', parts.join(', ')) : undefined;
}

function unique(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])];
}
