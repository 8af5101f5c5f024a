import type { EmRestoreSession } from './enterpriseManagerData';
import { FilterSyntaxError, parseFilter, type ComparisonOperator, type FilterNode } from './filterExpression';
import { parseClientDate } from './simulatedTime';

/** A field of the `RestoreSession` query type: how to read it and how it compares. */
interface QueryField {
  name: string;
  kind: 'string' | 'date' | 'enum';
  /** Declaration order of enum values (comparison is by index, A.5.6). */
  values?: readonly string[];
  read(session: EmRestoreSession): string | number | undefined;
}

// The documented four, then the word this simulator plays a newer server with (after them: the documented indices hold).
const STATE_ORDER = ['Starting', 'Working', 'Stopping', 'Stopped', 'Postprocessing'];
// None precedes Success, so `Result>Success` means Warning or Failed as documented.
const RESULT_ORDER = ['None', 'Success', 'Warning', 'Failed'];

const FIELDS: readonly QueryField[] = [
  { name: 'UID', kind: 'string', read: (s) => `urn:veeam:RestoreSession:${s.id}` },
  { name: 'Name', kind: 'string', read: (s) => s.name },
  { name: 'Type', kind: 'enum', values: ['RestoreVm', 'FileLevelRestore'], read: (s) => s.jobType },
  { name: 'CreationTime', kind: 'date', read: (s) => s.creation.ms },
  { name: 'EndTime', kind: 'date', read: (s) => s.end?.ms },
  { name: 'State', kind: 'enum', values: STATE_ORDER, read: (s) => s.state || undefined },
  { name: 'Result', kind: 'enum', values: RESULT_ORDER, read: (s) => s.result },
  { name: 'BackupServerUid', kind: 'string', read: (s) => `urn:veeam:BackupServer:${s.backupServer.id}` },
  { name: 'BackupServerName', kind: 'string', read: (s) => s.backupServer.name },
  { name: 'VmDisplayName', kind: 'string', read: (s) => s.vmDisplayName },
];

export class QueryError extends Error {}

export type SessionPredicate = (session: EmRestoreSession) => boolean;
export type SessionComparator = (a: EmRestoreSession, b: EmRestoreSession) => number;

function findField(name: string): QueryField {
  const field = FIELDS.find((f) => f.name.toLowerCase() === name.toLowerCase());
  if (!field) throw new QueryError(`Field [${name}] is not supported for type [RestoreSession].`);
  return field;
}

/** Compiles a filter text into a predicate; throws QueryError for bad syntax, fields or values. */
export function compileFilter(text: string): SessionPredicate {
  let tree: FilterNode;
  try {
    tree = parseFilter(text);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw new QueryError(e.message);
    throw e;
  }
  return compileNode(tree);
}

function compileNode(node: FilterNode): SessionPredicate {
  if (node.kind !== 'comparison') {
    const parts = node.items.map(compileNode);
    return node.kind === 'and' ? (s) => parts.every((p) => p(s)) : (s) => parts.some((p) => p(s));
  }
  const field = findField(node.field);
  const expected = comparable(field, node.value);
  return (s) => {
    const actual = field.read(s);
    if (actual === undefined) return false; // like SQL NULL: no comparison holds
    return holds(node.operator, compareValues(stored(field, actual), expected));
  };
}

/** A session's own value in comparable form: a word a test forced that the enum lacks sorts after the known ones. */
function stored(field: QueryField, value: string | number): string | number {
  if (field.kind === 'enum' && field.values && !field.values.some((v) => v.toLowerCase() === String(value).toLowerCase())) return field.values.length;
  return comparable(field, value);
}

function comparable(field: QueryField, value: string | number): string | number {
  if (field.kind === 'date') {
    if (typeof value === 'number') return value;
    const ms = parseClientDate(value);
    if (ms === undefined) throw new QueryError(`Cannot convert [${value}] to DateTime for field [${field.name}].`);
    return ms;
  }
  if (field.kind === 'enum' && field.values) {
    const index = field.values.findIndex((v) => v.toLowerCase() === String(value).toLowerCase());
    if (index < 0) throw new QueryError(`Value [${value}] is not valid for field [${field.name}].`);
    return index;
  }
  return String(value).toLowerCase();
}

function compareValues(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function holds(operator: ComparisonOperator, order: number): boolean {
  switch (operator) {
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>':
      return order > 0;
    case '<':
      return order < 0;
    case '>=':
      return order >= 0;
    case '<=':
      return order <= 0;
  }
}

/** Comparator for `sortAsc`/`sortDesc`; sessions lacking the field sort first ascending (SQL NULLs). */
export function compileSort(fieldName: string, descending: boolean): { field: string; compare: SessionComparator } {
  const field = findField(fieldName);
  const key = (s: EmRestoreSession): string | number => {
    const v = field.read(s);
    if (v === undefined) return -Infinity;
    return field.kind === 'string' ? String(v).toLowerCase() : stored(field, v);
  };
  const sign = descending ? -1 : 1;
  return { field: field.name, compare: (a, b) => sign * compareValues(key(a), key(b)) };
}
