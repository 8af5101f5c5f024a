import type { RestoreSessionEvent } from '../core/model/restoreSession';
import type { PanelError } from '../shared/sessionPanelProtocol';
import { displaySessionTime } from './displayTime';
import { button, h, replaceChildren, setText } from './elements';
import { logStatusOf, type LogStatus } from './logStatus';

const STATUS_SYMBOL: Record<LogStatus, string> = { failed: '✕', warning: '!', success: '✓', running: '…', other: '·' };
const FILTERS: ReadonlyArray<[LogStatus | 'all', string]> = [
  ['all', 'All records'],
  ['failed', 'Failed'],
  ['warning', 'Warnings'],
  ['success', 'Succeeded'],
  ['running', 'Running'],
];
/** Rows rendered per animation frame: a 10,000-record log stays responsive while it fills in. */
const ROWS_PER_FRAME = 500;

/**
 * The Log tab: one row per record (time, status with a symbol and a theme colour, title, message, item), a status
 * filter, and First/Previous/Next failure. Kinds whose API publishes no log get a sentence saying so instead.
 */
export class LogView {
  private readonly body = h('tbody');
  private readonly table = h(
    'table',
    { className: 'grid log', testId: 'events-table' },
    h('thead', {}, h('tr', {}, ...['#', 'Time', 'Status', 'Title', 'Message', 'Item'].map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
    this.body,
  );
  private readonly message = h('p', { className: 'muted', testId: 'events-message' }, 'Loading the log…');
  private readonly filter = h('select', { testId: 'log-filter', attrs: { 'aria-label': 'Show records' } });
  private readonly failureButtons: HTMLButtonElement[];
  private readonly toolbar: HTMLElement;
  readonly element: HTMLElement;
  private events: RestoreSessionEvent[] = [];
  private rows: HTMLTableRowElement[] = [];
  private failureIndex = -1;
  private renderToken = 0;

  constructor(refresh: () => void, openAsText: () => void) {
    for (const [value, label] of FILTERS) this.filter.append(h('option', { attrs: { value } }, label));
    this.filter.addEventListener('change', () => this.applyFilter());
    this.failureButtons = [
      button('First failure', 'log-first-failure', () => this.jumpToFailure('first')),
      button('Previous', 'log-previous-failure', () => this.jumpToFailure('previous')),
      button('Next', 'log-next-failure', () => this.jumpToFailure('next')),
    ];
    this.toolbar = h('div', { className: 'toolbar' }, button('Refresh', 'events-refresh', refresh), button('Open as Text', 'log-open-text', openAsText), this.filter, ...this.failureButtons);
    this.element = h('div', {}, this.toolbar, this.message, this.table);
    this.table.hidden = true;
  }

  /** A kind whose API has no session log: said, with the nearest real alternative, never an empty table. */
  showUnavailable(explanation: string): void {
    this.toolbar.hidden = true;
    this.table.hidden = true;
    this.message.hidden = false;
    this.message.classList.remove('error-text');
    setText(this.message, explanation);
  }

  render(events: readonly RestoreSessionEvent[]): void {
    this.toolbar.hidden = false;
    this.events = [...events].sort((a, b) => a.order - b.order);
    this.table.hidden = this.events.length === 0;
    this.message.hidden = this.events.length > 0;
    this.message.classList.remove('error-text');
    setText(this.message, 'The log has no records yet.');
    const failures = this.events.some((e) => logStatusOf(e.status) === 'failed');
    for (const b of this.failureButtons) b.disabled = !failures;
    const token = ++this.renderToken;
    this.rows = [];
    replaceChildren(this.body);
    this.appendRows(0, token);
  }

  /** The first failed record (title and message), for the Overview's "why it failed". */
  firstFailure(): RestoreSessionEvent | undefined {
    return this.events.find((e) => logStatusOf(e.status) === 'failed');
  }

  renderError(error: PanelError): void {
    this.message.hidden = false;
    this.message.classList.add('error-text');
    setText(this.message, `The log could not be loaded: ${error.message}`);
  }

  jumpToFailure(which: 'first' | 'previous' | 'next'): void {
    const failed = this.rows.map((row, i) => ({ row, i })).filter(({ i }) => logStatusOf(this.events[i].status) === 'failed');
    if (failed.length === 0) return;
    if (this.filter.value !== 'all' && this.filter.value !== 'failed') {
      this.filter.value = 'all';
      this.applyFilter();
    }
    const current = failed.findIndex(({ i }) => i === this.failureIndex);
    const next = which === 'first' || current < 0 ? 0 : which === 'next' ? Math.min(failed.length - 1, current + 1) : Math.max(0, current - 1);
    this.failureIndex = failed[next].i;
    for (const { row } of failed) row.classList.remove('current');
    const row = failed[next].row;
    row.classList.add('current');
    row.scrollIntoView({ block: 'center' });
    row.focus();
  }

  private appendRows(from: number, token: number): void {
    if (token !== this.renderToken) return;
    const end = Math.min(this.events.length, from + ROWS_PER_FRAME);
    const shown = this.filter.value;
    const fragment = document.createDocumentFragment();
    for (let i = from; i < end; i++) {
      const e = this.events[i];
      const status = logStatusOf(e.status);
      const row = h(
        'tr',
        { attrs: { 'data-status': status, tabindex: '-1' } },
        h('td', {}, String(e.order)),
        h('td', {}, displaySessionTime(e.startTime, e.startTimeLocal) ?? ''),
        h('td', { className: `status status-${status}` }, h('span', { className: 'status-symbol', attrs: { 'aria-hidden': 'true' } }, STATUS_SYMBOL[status]), ` ${e.status}`),
        h('td', {}, e.title),
        h('td', {}, e.message),
        h('td', {}, [e.itemName, e.itemType].filter(Boolean).join(' · ')),
      );
      row.hidden = shown !== 'all' && shown !== status;
      this.rows.push(row);
      fragment.append(row);
    }
    this.body.append(fragment);
    if (end < this.events.length) requestAnimationFrame(() => this.appendRows(end, token));
  }

  private applyFilter(): void {
    const shown = this.filter.value;
    this.rows.forEach((row, i) => {
      row.hidden = shown !== 'all' && shown !== logStatusOf(this.events[i].status);
    });
  }
}
