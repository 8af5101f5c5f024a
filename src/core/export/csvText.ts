import { stringify } from 'csv-stringify/sync';
import { textInSlices } from './textInSlices';

/**
 * RFC 4180 text (header row, CRLF line ends, fields quoted where they hold a comma, quote or line break) from rows
 * keyed by `columns`. A text field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
 * or CR) gets a leading `'`: exported names and messages come from the server and may be anyone's text.
 */
export function csvText<Column extends string>(columns: readonly Column[], rows: ReadonlyArray<Record<Column, string | number | undefined>>, header = true): string {
  return stringify(rows as Array<Record<string, unknown>>, {
    header,
    columns: columns.map((key) => ({ key })),
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

/** The same text as `csvText(columns, items.map(toRow))`, built in slices (see textInSlices); the header comes once. */
export async function csvTextInSlices<T, Column extends string>(
  columns: readonly Column[],
  items: readonly T[],
  toRow: (item: T) => Record<Column, string | number | undefined>,
): Promise<string[]> {
  if (items.length === 0) return [csvText(columns, [])];
  return textInSlices(items, (slice, first) => csvText(columns, slice.map(toRow), first));
}
