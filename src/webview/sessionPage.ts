import type { BodyFormat } from '../core/model/restoreSession';
import {
  isPanelPersistedState,
  type HostMessage,
  type PanelContext,
  type PanelError,
  type PanelSession,
  type PanelTab,
  type PanelUiState,
} from '../shared/sessionPanelProtocol';
import { button, h, replaceChildren, setText } from './elements';
import { LogView } from './logView';
import { TaskSessionsTable } from './taskSessionsTable';
import { HostRequestError, HostRequests, type RequestBody } from './hostRequests';
import { OtherFieldsTable } from './otherFieldsTable';
import { RawSection } from './rawSection';
import { SessionFields } from './sessionFields';
import { SessionHeader } from './sessionHeader';
import { Tabs } from './tabs';
import type { PageHost } from './vscodeApi';

const DEFAULT_UI: PanelUiState = { tab: 'overview', rawView: 'pretty', scrollY: 0 };

/**
 * The session page. Built once; each host message updates only its part of the DOM, so scroll position,
 * focus, selection and the active tab survive live updates.
 */
export class SessionPage {
  private readonly requests: HostRequests;
  private readonly header = new SessionHeader(() => this.request({ type: 'stop' }));
  private readonly fields = new SessionFields((href) => this.request({ type: 'openLink', href }));
  private readonly events = new LogView(
    () => this.request({ type: 'refreshEvents' }),
    () => this.request({ type: 'openLogAsText' }),
  );
  /** Set once the panel has opened on a failed session's first failure, so later log updates do not move the user. */
  private openedOnFailure = false;
  private readonly other = new OtherFieldsTable();
  private readonly taskSessions = new TaskSessionsTable();
  private readonly raw: RawSection;
  private readonly tabs: Tabs;
  private readonly status = h('p', { className: 'status', testId: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly errorMessage = h('p', { testId: 'error-message' });
  private readonly errorState: HTMLElement;
  private readonly content: HTMLElement;
  private ui: PanelUiState;
  private context: PanelContext | undefined;
  private session: PanelSession | undefined;
  private scrollRestored = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PageHost,
  ) {
    this.requests = new HostRequests(host);
    const saved = host.getState();
    this.ui = isPanelPersistedState(saved) ? { ...saved.ui } : { ...DEFAULT_UI };
    this.raw = new RawSection({
      setFormat: (format) => void this.setFormat(format),
      setView: (rawView) => this.saveUi({ rawView }),
      openInEditor: () => this.request({ type: 'openRaw' }),
      copy: () => this.request({ type: 'copyRaw' }, 'Copied the original response.'),
    });
    this.tabs = new Tabs((tab) => this.saveUi({ tab }));
    this.errorState = h(
      'div',
      { className: 'error-state', testId: 'error-state', attrs: { role: 'alert' } },
      h('h2', {}, 'This restore session could not be loaded'),
      this.errorMessage,
      button('Retry', 'retry', () => this.host.postMessage({ type: 'retry' })),
    );
    this.errorState.hidden = true;

    const panels: Array<[PanelTab, string, HTMLElement]> = [
      ['overview', 'Overview', h('div', {}, this.fields.element, this.taskSessions.element)],
      ['events', 'Log', this.events.element],
      ['raw', 'Raw', this.raw.element],
      ['other', 'Other fields', this.other.element],
    ];
    const sections = panels.map(([id, label, body]) => {
      const section = h('section', { className: 'tab-panel', testId: `panel-${id}` }, body);
      this.tabs.add(id, label, section);
      return section;
    });
    this.tabs.setAvailable('events', false);
    this.tabs.setAvailable('other', false);
    this.content = h('div', { className: 'content' }, this.header.element, this.tabs.list, ...sections);
    this.content.hidden = true;
    this.raw.configure(false, this.ui.rawView);
    replaceChildren(root, this.errorState, this.status, this.content);

    window.addEventListener('scroll', () => this.onScroll(), { passive: true });
    // Live duration: computed here from creationTime, so a running session ticks without host traffic.
    window.setInterval(() => {
      // Unknown states too: such a session may still run, and without an end time its duration is live.
      if (this.session && this.session.state !== 'finished') this.fields.tick(Date.now());
    }, 1000);
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'context':
        this.context = message.context;
        this.raw.configure(message.context.canSwitchFormat, this.ui.rawView);
        // Every kind gets the tab: one without a log says so there, rather than the tab silently missing.
        this.tabs.setAvailable('events', true);
        if (!message.context.hasLog) this.events.showUnavailable(message.context.logExplanation ?? 'This server publishes no log for its sessions.');
        this.persist();
        return;
      case 'loading':
        this.root.setAttribute('aria-busy', 'true');
        setText(this.status, 'Loading…');
        return;
      case 'session':
        this.showSession(message.session);
        return;
      case 'raw':
        this.raw.render(message.raw);
        if (this.context?.canSwitchFormat && this.ui.rawFormat !== message.raw.format) this.saveUi({ rawFormat: message.raw.format });
        return;
      case 'events':
        this.events.render(message.events);
        this.showWhyFailed();
        return;
      case 'taskSessions':
        this.taskSessions.render(message.tasks);
        return;
      case 'eventsError':
        this.events.renderError(message.error);
        return;
      case 'error':
        this.showError(message.error);
        return;
      case 'reply':
        this.requests.settle(message);
        return;
    }
  }

  private showSession(session: PanelSession): void {
    this.session = session;
    this.root.setAttribute('aria-busy', 'false');
    this.errorState.hidden = true;
    setText(this.status, '');
    this.header.render(session, this.context);
    this.fields.render(session);
    this.showWhyFailed();
    this.tabs.setAvailable('other', this.other.render(session.extra));
    if (this.content.hidden) {
      this.content.hidden = false;
      this.tabs.select(this.ui.tab);
    }
    if (!this.scrollRestored) {
      this.scrollRestored = true;
      window.scrollTo(0, this.ui.scrollY);
    }
  }

  /** A failed session: its first failed log record in the Overview, and (once) the Log opened on it. */
  private showWhyFailed(): void {
    const failure = this.session?.result === 'failed' ? this.events.firstFailure() : undefined;
    this.fields.setWhyFailed(failure ? [failure.title, failure.message].filter(Boolean).join(' — ') : undefined);
    if (failure && !this.openedOnFailure && !this.content.hidden) {
      this.openedOnFailure = true;
      this.tabs.select('events');
      this.events.jumpToFailure('first');
    }
  }

  private showError(error: PanelError): void {
    this.root.setAttribute('aria-busy', 'false');
    setText(this.status, '');
    setText(this.errorMessage, error.message);
    this.errorState.hidden = false;
  }

  private async setFormat(format: BodyFormat): Promise<void> {
    this.raw.setBusy(true);
    try {
      // On success the host sends the new `raw`, which records the format in the UI state.
      await this.request({ type: 'setRawFormat', format });
    } finally {
      this.raw.setBusy(false);
    }
  }

  /** Sends a request; failures are reported in the status line (never thrown into the void). */
  private async request(body: RequestBody, doneText?: string): Promise<void> {
    try {
      await this.requests.send(body);
      if (doneText) setText(this.status, doneText);
    } catch (e) {
      setText(this.status, e instanceof HostRequestError ? e.message : 'The request failed.');
    }
  }

  private onScroll(): void {
    this.ui.scrollY = Math.round(window.scrollY);
    this.persist();
  }

  private saveUi(change: Partial<PanelUiState>): void {
    this.ui = { ...this.ui, ...change };
    this.persist();
  }

  /** Ids and UI choices only: VS Code stores this for the serializer, so no bodies and no secrets. */
  private persist(): void {
    if (!this.context) return;
    this.host.setState({ serverId: this.context.serverId, sessionId: this.context.sessionId, ui: this.ui });
  }
}
