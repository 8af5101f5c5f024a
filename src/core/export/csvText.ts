import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 text (header row, CRLF line ends, fields quoted where they hold a comma, quote or line break) from rows
 * keyed by `columns`. A text field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
 * or CR) gets a leading `'`: exported names and messages come from the server and may be anyone's text.
 */
export function csvText<Column extends string>(columns: readonly Column[], rows: ReadonlyArray<Record<Column, string | number | undefined>>): string {
  return stringify(rows as Array<Record<string, unknown>>, {
    header: true,
    columns: columns.map((key) => ({ key })),
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
