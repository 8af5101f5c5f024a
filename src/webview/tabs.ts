import type { PanelTab } from '../shared/sessionPanelProtocol';
import { h } from './elements';

interface TabEntry {
  tab: HTMLButtonElement;
  panel: HTMLElement;
}

/** WAI-ARIA tabs: one tab stop, arrow keys / Home / End move between visible tabs. */
export class Tabs {
  readonly list = h('div', { className: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Session details' } });
  private readonly entries = new Map<PanelTab, TabEntry>();
  private active: PanelTab = 'overview';

  constructor(private readonly onSelect: (tab: PanelTab) => void) {}

  add(id: PanelTab, label: string, panel: HTMLElement): void {
    const tab = h('button', {
      className: 'tab',
      testId: `tab-${id}`,
      attrs: { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, 'aria-selected': 'false', tabindex: '-1' },
    }, label);
    panel.id = `panel-${id}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `tab-${id}`);
    panel.tabIndex = 0;
    tab.addEventListener('click', () => this.select(id));
    tab.addEventListener('keydown', (e) => this.onKey(e, id));
    this.list.appendChild(tab);
    this.entries.set(id, { tab, panel });
  }

  /** Shows or hides a tab (events only for Microsoft 365, other fields only when there are some). */
  setAvailable(id: PanelTab, available: boolean): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.tab.hidden = !available;
    if (!available && this.active === id) this.select('overview');
  }

  get current(): PanelTab {
    return this.active;
  }

  select(id: PanelTab, focus = false): void {
    const target = this.entries.get(id);
    if (!target || target.tab.hidden) return;
    this.active = id;
    for (const [key, { tab, panel }] of this.entries) {
      const selected = key === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panel.hidden = !selected;
    }
    if (focus) target.tab.focus();
    this.onSelect(id);
  }

  private onKey(event: KeyboardEvent, from: PanelTab): void {
    const visible = [...this.entries.entries()].filter(([, e]) => !e.tab.hidden).map(([k]) => k);
    const index = visible.indexOf(from);
    let next: PanelTab | undefined;
    if (event.key === 'ArrowRight') next = visible[(index + 1) % visible.length];
    else if (event.key === 'ArrowLeft') next = visible[(index - 1 + visible.length) % visible.length];
    else if (event.key === 'Home') next = visible[0];
    else if (event.key === 'End') next = visible[visible.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    this.select(next, true);
  }
}
