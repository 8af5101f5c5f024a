import type { TaskSession } from '../core/model/restoreSession';
import { displaySessionTime } from './displayTime';
import { h, replaceChildren } from './elements';

/** The per-object task sessions of a session (Backup & Replication), under the Overview's fields. */
export class TaskSessionsTable {
  private readonly body = h('tbody');
  readonly element = h(
    'section',
    { className: 'task-sessions', testId: 'task-sessions' },
    h('h2', {}, 'Task sessions'),
    h(
      'table',
      { className: 'grid' },
      h('thead', {}, h('tr', {}, ...['Object', 'State', 'Result', 'Progress', 'Started', 'Ended'].map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
      this.body,
    ),
  );

  constructor() {
    this.element.hidden = true;
  }

  render(tasks: readonly TaskSession[]): void {
    this.element.hidden = tasks.length === 0;
    replaceChildren(
      this.body,
      ...tasks.map((t) =>
        h(
          'tr',
          {},
          h('td', {}, t.name || t.id),
          // The server's own words: an unknown state stays readable, never mapped to a guess.
          h('td', { attrs: { 'data-state': t.state } }, t.rawState || 'Unknown'),
          h('td', { attrs: { 'data-result': t.result } }, t.state === 'finished' ? t.rawResult || 'Unknown' : ''),
          h('td', {}, t.progress === undefined ? '' : `${t.progress}%`),
          h('td', {}, displaySessionTime(t.creationTime, t.creationTimeLocal) ?? ''),
          h('td', {}, displaySessionTime(t.endTime, t.endTimeLocal) ?? ''),
        ),
      ),
    );
  }
}
