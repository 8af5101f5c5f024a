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
/**
 * Records in the page at most. A table of 10,000 wrapping rows took seconds of layout per frame while it filled in
 * (npm run bench -- 7): the page shows a window of the log and moves it (Earlier/Later, a jump to a failure).
 * Search in the whole log is Open as Text's job.
 */
const WINDOW_SIZE = 500;

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
  private readonly earlier = button('', 'log-earlier', () => this.moveWindow(-WINDOW_SIZE));
  private readonly later = button('', 'log-later', () => this.moveWindow(WINDOW_SIZE));
  private readonly range = h('span', { className: 'muted', testId: 'log-range', attrs: { 'aria-live': 'polite' } });
  private events: RestoreSessionEvent[] = [];
  /** Indices into `events` of the records the filter shows, in log order. */
  private shown: number[] = [];
  /** Position in `shown` of the first record in the page. */
  private windowStart = 0;
  /** Rows in the page, by index into `events`. */
  private rows = new Map<number, HTMLTableRowElement>();
  private failureIndex = -1;

  constructor(refresh: () => void, openAsText: () => void) {
    for (const [value, label] of FILTERS) this.filter.append(h('option', { attrs: { value } }, label));
    this.filter.addEventListener('change', () => this.applyFilter());
    this.failureButtons = [
      button('First failure', 'log-first-failure', () => this.jumpToFailure('first')),
      button('Previous', 'log-previous-failure', () => this.jumpToFailure('previous')),
      button('Next', 'log-next-failure', () => this.jumpToFailure('next')),
    ];
    this.toolbar = h('div', { className: 'toolbar' }, button('Refresh', 'events-refresh', refresh), button('Open as Text', 'log-open-text', openAsText), this.filter, ...this.failureButtons);
    this.element = h('div', {}, this.toolbar, this.message, h('div', { className: 'toolbar' }, this.earlier, this.range), this.table, h('div', { className: 'toolbar' }, this.later));
    this.table.hidden = true;
    this.showWindowControls(false);
  }

  /** A kind whose API has no session log: said, with the nearest real alternative, never an empty table. */
  showUnavailable(explanation: string): void {
    this.toolbar.hidden = true;
    this.table.hidden = true;
    this.showWindowControls(false);
    this.message.hidden = false;
    this.message.classList.remove('error-text');
    setText(this.message, explanation);
  }

  render(events: readonly RestoreSessionEvent[]): void {
    this.toolbar.hidden = false;
    // A live log that the reader follows at its end keeps following it as records come in.
    const atEnd = this.shown.length > 0 && this.windowStart + WINDOW_SIZE >= this.shown.length;
    this.events = [...events].sort((a, b) => a.order - b.order);
    this.table.hidden = this.events.length === 0;
    this.message.hidden = this.events.length > 0;
    this.message.classList.remove('error-text');
    setText(this.message, 'The log has no records yet.');
    const failures = this.events.some((e) => logStatusOf(e.status) === 'failed');
    for (const b of this.failureButtons) b.disabled = !failures;
    this.shown = this.matchingFilter();
    this.windowStart = atEnd ? Math.max(0, this.shown.length - WINDOW_SIZE) : Math.min(this.windowStart, Math.max(0, this.shown.length - WINDOW_SIZE));
    this.renderWindow();
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
    if (!this.events.some((e) => logStatusOf(e.status) === 'failed')) return;
    if (this.filter.value !== 'all' && this.filter.value !== 'failed') {
      this.filter.value = 'all';
      this.applyFilter();
    }
    const failed = this.shown.filter((i) => logStatusOf(this.events[i].status) === 'failed');
    const current = failed.indexOf(this.failureIndex);
    const next = which === 'first' || current < 0 ? 0 : which === 'next' ? Math.min(failed.length - 1, current + 1) : Math.max(0, current - 1);
    this.failureIndex = failed[next];
    const position = this.shown.indexOf(this.failureIndex);
    if (position < this.windowStart || position >= this.windowStart + WINDOW_SIZE) {
      this.windowStart = Math.max(0, Math.min(position - Math.floor(WINDOW_SIZE / 2), this.shown.length - WINDOW_SIZE));
      this.renderWindow();
    }
    for (const row of this.rows.values()) row.classList.remove('current');
    const row = this.rows.get(this.failureIndex);
    if (!row) return;
    row.classList.add('current');
    row.scrollIntoView({ block: 'center' });
    row.focus();
  }

  private moveWindow(by: number): void {
    this.windowStart = Math.max(0, Math.min(this.windowStart + by, this.shown.length - WINDOW_SIZE));
    this.renderWindow();
    this.table.scrollIntoView({ block: by < 0 ? 'end' : 'start' });
  }

  private matchingFilter(): number[] {
    const wanted = this.filter.value;
    const shown: number[] = [];
    this.events.forEach((e, i) => {
      if (wanted === 'all' || wanted === logStatusOf(e.status)) shown.push(i);
    });
    return shown;
  }

  private renderWindow(): void {
    const end = Math.min(this.shown.length, this.windowStart + WINDOW_SIZE);
    const fragment = document.createDocumentFragment();
    this.rows = new Map();
    for (let position = this.windowStart; position < end; position++) {
      const index = this.shown[position];
      const e = this.events[index];
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
      if (index === this.failureIndex) row.classList.add('current');
      this.rows.set(index, row);
      fragment.append(row);
    }
    replaceChildren(this.body, fragment);
    const paged = this.shown.length > WINDOW_SIZE;
    this.showWindowControls(paged);
    if (!paged) return;
    setText(this.range, `Records ${this.windowStart + 1}–${end} of ${this.shown.length}`);
    setText(this.earlier, `Earlier ${Math.min(WINDOW_SIZE, this.windowStart)}`);
    setText(this.later, `Later ${Math.min(WINDOW_SIZE, this.shown.length - end)}`);
    this.earlier.disabled = this.windowStart === 0;
    this.later.disabled = end >= this.shown.length;
  }

  private showWindowControls(visible: boolean): void {
    this.earlier.hidden = !visible;
    this.later.hidden = !visible;
    this.range.hidden = !visible;
  }

  private applyFilter(): void {
    this.shown = this.matchingFilter();
    this.windowStart = 0;
    this.renderWindow();
  }
}
