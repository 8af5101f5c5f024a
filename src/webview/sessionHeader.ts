import type { PanelContext, PanelSession } from '../shared/sessionPanelProtocol';
import { untranslated } from '../shared/translate';
import { resultText, showsProgress, stateLabel } from '../shared/sessionLabels';
import { button, h, setText } from './elements';

/** Name, kind line, state and result badges, and the progress bar. Updated in place on every session message. */
export class SessionHeader {
  private readonly name = h('h1', { testId: 'session-name' });
  private readonly kind = h('p', { className: 'subtitle', testId: 'session-kind' });
  private readonly state = h('span', { className: 'badge', testId: 'state-badge' });
  private readonly result = h('span', { className: 'badge result', testId: 'result-badge' });
  private readonly fill = h('div', { className: 'progress-fill' });
  private readonly bar = h('div', {
    className: 'progress',
    testId: 'progress',
    attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-label': 'Progress' },
  }, this.fill);
  private readonly percent = h('span', { className: 'progress-label', testId: 'progress-label' });
  private readonly progressRow = h('div', { className: 'progress-row', testId: 'progress-row' }, this.bar, this.percent);
  /** Shown while the session runs, for servers whose API can stop it; the host asks for confirmation. */
  private readonly stop: HTMLButtonElement;
  readonly element: HTMLElement;

  constructor(onStop: () => void) {
    this.stop = button('Stop…', 'stop-session', onStop, 'button secondary');
    this.stop.hidden = true;
    this.element = h('header', { className: 'session-header' }, this.name, this.kind, h('div', { className: 'badges' }, this.state, this.result, this.stop), this.progressRow);
  }

  render(session: PanelSession, context: PanelContext | undefined): void {
    setText(this.name, session.name || session.id);
    const platform = session.platform === 'unknown' || session.platform === session.typeLabel ? undefined : session.platform;
    setText(this.kind, [session.typeLabel, platform, context?.serverName].filter(Boolean).join(' · '));

    setText(this.state, stateLabel(session, untranslated));
    this.state.dataset.state = session.state;
    const running = session.state === 'running' || session.state === 'stopping';
    this.result.hidden = running;
    this.stop.hidden = !(context?.canStop && session.state === 'running');
    setText(this.result, resultText(session, untranslated));
    this.result.dataset.result = session.result;

    // A finished session shows its result badge, not a bar (EM reports Progress 0 on some successful restores).
    this.progressRow.hidden = !showsProgress(session);
    this.renderProgress(session.progress, running);
  }

  private renderProgress(progress: number | undefined, running: boolean): void {
    if (progress === undefined) {
      // VB365 reports none: say so rather than draw a bar that means nothing.
      this.bar.removeAttribute('aria-valuenow');
      this.bar.setAttribute('aria-valuetext', 'Progress not reported');
      this.bar.classList.add('unknown');
      this.bar.classList.toggle('running', running);
      this.fill.style.width = '';
      setText(this.percent, 'Progress not reported');
      return;
    }
    const value = Math.max(0, Math.min(100, Math.round(progress)));
    this.bar.classList.remove('unknown', 'running');
    this.bar.setAttribute('aria-valuenow', String(value));
    this.bar.setAttribute('aria-valuetext', `${value}%`);
    // CSSOM property, not a style attribute: allowed by a CSP without 'unsafe-inline'.
    this.fill.style.width = `${value}%`;
    setText(this.percent, `${value}%`);
  }
}
