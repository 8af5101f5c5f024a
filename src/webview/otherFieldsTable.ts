import { h, replaceChildren } from './elements';

/** Fields the extension does not know (session.extra), shown as they came. */
export class OtherFieldsTable {
  private readonly body = h('tbody');
  readonly element = h(
    'table',
    { className: 'grid', testId: 'other-fields' },
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Field'), h('th', { attrs: { scope: 'col' } }, 'Value'))),
    this.body,
  );

  /** Returns whether there is anything to show. */
  render(extra: Record<string, unknown>): boolean {
    const entries = Object.entries(extra);
    replaceChildren(
      this.body,
      ...entries.map(([key, value]) => h('tr', {}, h('th', { attrs: { scope: 'row' } }, key), h('td', {}, fieldText(value)))),
    );
    return entries.length > 0;
  }
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
