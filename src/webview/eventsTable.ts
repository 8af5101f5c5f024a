import type { RestoreSessionEvent } from '../core/model/restoreSession';
import type { PanelError } from '../shared/sessionPanelProtocol';
import { displayTime } from './displayTime';
import { button, h, replaceChildren, setText } from './elements';

/** The Events tab (Microsoft 365): one row per session event, oldest first. */
export class EventsTable {
  private readonly body = h('tbody');
  private readonly table = h(
    'table',
    { className: 'grid', testId: 'events-table' },
    h('thead', {}, h('tr', {}, ...['#', 'Started', 'Status', 'Title', 'Message', 'Item'].map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
    this.body,
  );
  private readonly message = h('p', { className: 'muted', testId: 'events-message' }, 'Loading events…');
  readonly element: HTMLElement;

  constructor(refresh: () => void) {
    this.element = h('div', {}, h('div', { className: 'toolbar' }, button('Refresh', 'events-refresh', refresh)), this.message, this.table);
    this.table.hidden = true;
  }

  render(events: RestoreSessionEvent[]): void {
    const sorted = [...events].sort((a, b) => a.order - b.order);
    this.table.hidden = sorted.length === 0;
    this.message.hidden = sorted.length > 0;
    this.message.classList.remove('error-text');
    setText(this.message, 'No events.');
    replaceChildren(
      this.body,
      ...sorted.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, String(e.order)),
          h('td', {}, displayTime(e.startTime) ?? ''),
          h('td', { attrs: { 'data-status': e.status.toLowerCase() } }, e.status),
          h('td', {}, e.title),
          h('td', {}, e.message),
          h('td', {}, [e.itemName, e.itemType].filter(Boolean).join(' · ')),
        ),
      ),
    );
  }

  renderError(error: PanelError): void {
    this.message.hidden = false;
    this.message.classList.add('error-text');
    setText(this.message, `Events could not be loaded: ${error.message}`);
  }
}
