import type { BodyFormat, RawBody } from '../core/model/restoreSession';
import { revealBidiControls } from '../core/text/bidiControls';
import { prettyBody } from '../shared/prettyBody';
import type { RawView } from '../shared/sessionPanelProtocol';
import { button, h } from './elements';

export interface RawSectionActions {
  setFormat(format: BodyFormat): void;
  setView(view: RawView): void;
  openInEditor(): void;
  copy(): void;
}

/** The Raw tab: the body as received, indented or verbatim; EM format switch, Open in Editor, Copy (the original text). */
export class RawSection {
  private readonly xml: HTMLButtonElement;
  private readonly json: HTMLButtonElement;
  private readonly pretty: HTMLButtonElement;
  private readonly original: HTMLButtonElement;
  private readonly formatGroup: HTMLElement;
  private readonly meta = h('p', { className: 'muted', testId: 'raw-meta' }, 'No response yet.');
  private readonly text = h('pre', { className: 'raw', testId: 'raw-text', attrs: { tabindex: '0', 'aria-label': 'Response body' } });
  readonly element: HTMLElement;
  private raw: RawBody | undefined;
  private view: RawView = 'pretty';

  constructor(private readonly actions: RawSectionActions) {
    this.xml = button('XML', 'raw-format-xml', () => actions.setFormat('xml'), 'button toggle');
    this.json = button('JSON', 'raw-format-json', () => actions.setFormat('json'), 'button toggle');
    this.pretty = button('Pretty', 'raw-view-pretty', () => this.chooseView('pretty'), 'button toggle');
    this.original = button('Original', 'raw-view-original', () => this.chooseView('original'), 'button toggle');
    this.formatGroup = h('div', { className: 'group', attrs: { role: 'group', 'aria-label': 'Format' } }, this.xml, this.json);
    this.element = h(
      'div',
      {},
      h(
        'div',
        { className: 'toolbar' },
        this.formatGroup,
        h('div', { className: 'group', attrs: { role: 'group', 'aria-label': 'View' } }, this.pretty, this.original),
        button('Open in Editor', 'raw-open', () => actions.openInEditor()),
        button('Copy', 'raw-copy', () => actions.copy()),
      ),
      this.meta,
      this.text,
    );
    this.formatGroup.hidden = true;
  }

  configure(canSwitchFormat: boolean, view: RawView): void {
    this.formatGroup.hidden = !canSwitchFormat;
    this.view = view;
    this.renderText();
  }

  /** Disables the format buttons while a re-fetch is under way. */
  setBusy(busy: boolean): void {
    this.xml.disabled = busy;
    this.json.disabled = busy;
  }

  render(raw: RawBody): void {
    this.raw = raw;
    this.meta.textContent = `${raw.contentType} · ${raw.text.length.toLocaleString()} characters`;
    this.renderText();
  }

  private chooseView(view: RawView): void {
    this.view = view;
    this.renderText();
    this.actions.setView(view);
  }

  private renderText(): void {
    this.pretty.setAttribute('aria-pressed', String(this.view === 'pretty'));
    this.original.setAttribute('aria-pressed', String(this.view === 'original'));
    this.xml.setAttribute('aria-pressed', String(this.raw?.format === 'xml'));
    this.json.setAttribute('aria-pressed', String(this.raw?.format === 'json'));
    if (!this.raw) return;
    const shown = this.view === 'pretty' ? prettyBody(this.raw.text, this.raw.format) : this.raw.text;
    // textContent only; bidi controls made visible so the text reads as what it is.
    this.text.textContent = revealBidiControls(shown);
  }
}
