import { layoutTimeline, prepareTimeline, type PreparedTimeline, type TimelineLayout, type TimeWindow } from '../../core/timeline/timelineLayout';
import { summarizeTimeline } from '../../core/timeline/timelineStats';
import { TIMELINE_ZOOMS, type ExportFormat, type TimelineData, type TimelineHostMessage, type TimelineZoom } from '../../shared/timelineProtocol';
import { button, h, replaceChildren, setText } from '../elements';
import { axisLabels, AXIS_HEIGHT, gridLines } from './axisView';
import { svg } from './svgElements';
import { summaryElement } from './summaryView';
import { LABEL_WIDTH, ROW_HEIGHT, type TimelineGeometry } from './timelineGeometry';
import type { TimelineHost } from './timelineHost';
import { rowDefinitions, rowElement } from './timelineRows';
import { svgToPng, timelineSvg } from './pictureExport';
import { dateTimeText, localOffsetMs } from './timeText';
import { TONE_GLYPHS, TONE_WORDS } from './toneStyle';

const HOUR = 3_600_000;
const ZOOM_SPANS: Record<TimelineZoom, number> = { '1h': HOUR, '24h': 24 * HOUR, '7d': 7 * 24 * HOUR };
const ZOOM_LABELS: Record<TimelineZoom, string> = { '1h': 'Last hour', '24h': '24 hours', '7d': '7 days' };
/** Room after "now" while following it, so a growing bar's end is on screen. */
const FOLLOW_MARGIN = 0.03;
/** Rows drawn beyond the visible ones on each side, so a short scroll shows no blank. */
const OVERSCAN = 10;

function isZoom(value: unknown): value is TimelineZoom {
  return (TIMELINE_ZOOMS as readonly unknown[]).includes(value);
}

/**
 * The Restore Activity page: header, summary, toolbar and a virtualised SVG timeline (only the rows in view exist
 * in the DOM). Layout and figures come from src/core/timeline; this file only draws and handles input.
 */
export class TimelinePage {
  private data: TimelineData | undefined;
  private prepared: PreparedTimeline | undefined;
  private layout: TimelineLayout | undefined;
  private zoom: TimelineZoom = '24h';
  /** A window the reader chose by its start and end, instead of a zoom button's span. */
  private customSpan: number | undefined;
  private follow = true;
  /** The window's end while not following now. */
  private pinnedEnd = 0;
  private now = Date.now();
  /** The keyboard's place: a session key (serverId/sessionId), kept across relayouts. */
  private focusKey: string | undefined;
  private requestId = 0;
  private tooltipRequest = -1;
  private tickTimer: number | undefined;
  private drawQueued = false;

  private readonly header = h('header', { className: 'tl-header' });
  private readonly summary = h('div', { className: 'tl-summary-slot' });
  private readonly zoomButtons = new Map<TimelineZoom, HTMLButtonElement>();
  private readonly customFrom = h('input', { testId: 'custom-from', attrs: { type: 'datetime-local', 'aria-label': 'From (local time)' } });
  private readonly customTo = h('input', { testId: 'custom-to', attrs: { type: 'datetime-local', 'aria-label': 'To (local time)' } });
  private readonly windowText = h('span', { className: 'tl-window-text', testId: 'window-text', attrs: { 'aria-live': 'polite' } });
  private readonly status = h('span', { className: 'tl-status', testId: 'status', attrs: { role: 'status' } });
  private readonly axis = svg('svg', { class: 'tl-axis-svg', height: AXIS_HEIGHT, 'aria-hidden': 'true' });
  private readonly scroller = h('div', {
    className: 'tl-scroller',
    testId: 'timeline',
    attrs: { role: 'group', 'aria-label': 'Restore sessions on a time axis, one bar each. Arrow keys move between bars, Enter opens the session.' },
  });
  private readonly spacer = h('div', { className: 'tl-spacer' });
  private readonly rows = svg('svg', { class: 'tl-rows' });
  private readonly empty = h('p', { className: 'muted tl-empty', testId: 'empty' });
  private readonly tooltip = h('div', { className: 'tl-tooltip', testId: 'tooltip', attrs: { role: 'tooltip', id: 'tl-tooltip', hidden: '' } });

  constructor(
    private readonly root: HTMLElement,
    private readonly host: TimelineHost,
  ) {
    const saved = host.getState() as { zoom?: unknown } | undefined;
    if (isZoom(saved?.zoom)) this.zoom = saved.zoom;
    this.spacer.appendChild(this.rows);
    this.scroller.appendChild(this.spacer);
    this.root.replaceChildren(this.header, this.summary, this.toolbar(), this.legend(), h('div', { className: 'tl-chart' }, this.axis, this.scroller, this.empty), this.tooltip);
    this.scroller.addEventListener('scroll', () => this.queueDraw());
    this.scroller.addEventListener('click', (e) => this.onClick(e));
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    this.scroller.addEventListener('mouseover', (e) => this.onHover(e));
    this.scroller.addEventListener('mouseleave', () => this.hideTooltip());
    this.scroller.addEventListener('focusin', (e) => this.onFocus(e));
    this.scroller.addEventListener('focusout', () => this.hideTooltip());
    this.enableDragPan();
    new ResizeObserver(() => this.queueDraw()).observe(this.scroller);
    document.addEventListener('visibilitychange', () => this.scheduleTick());
  }

  handle(message: TimelineHostMessage): void {
    switch (message.type) {
      case 'data':
        this.data = message.data;
        this.prepared = prepareTimeline(message.data.servers, message.data.entries, localOffsetMs(Date.now()));
        this.root.setAttribute('aria-busy', 'false');
        this.renderHeader();
        this.relayout();
        return;
      case 'tooltip':
        if (message.requestId === this.tooltipRequest) this.fillTooltip(message.title, message.lines);
        return;
      case 'reply':
        setText(this.status, message.ok ? 'Exported.' : (message.message ?? 'Export cancelled.'));
        return;
    }
  }

  // ---- window and layout ----

  private get span(): number {
    return this.customSpan ?? ZOOM_SPANS[this.zoom];
  }

  private currentWindow(): TimeWindow {
    const end = this.follow ? this.now + this.span * FOLLOW_MARGIN : this.pinnedEnd;
    return { start: end - this.span, end };
  }

  private relayout(): void {
    if (!this.prepared) return;
    this.now = Date.now();
    const window = this.currentWindow();
    this.layout = layoutTimeline(this.prepared, window, this.now);
    replaceChildren(this.summary, summaryElement(summarizeTimeline(this.prepared, window, this.now, this.span > 3 * HOUR ? HOUR : 5 * 60_000)));
    setText(this.windowText, `${dateTimeText(window.start)} – ${dateTimeText(window.end)}`);
    this.spacer.style.height = `${this.layout.rows.length * ROW_HEIGHT}px`;
    setText(this.empty, this.layout.rows.length === 0 ? 'No restore session in this window.' : '');
    this.empty.hidden = this.layout.rows.length > 0;
    this.draw();
    this.scheduleTick();
  }

  /** Redraws on the clock: as often as a pixel of the axis passes, at most once a second. */
  private scheduleTick(): void {
    window.clearTimeout(this.tickTimer);
    if (document.hidden) return;
    const every = Math.min(60_000, Math.max(1000, this.span / Math.max(1, this.geometry().chartWidth)));
    this.tickTimer = window.setTimeout(() => this.relayout(), every);
  }

  private geometry(): TimelineGeometry {
    const width = Math.max(LABEL_WIDTH + 200, this.scroller.clientWidth);
    return { window: this.layout?.window ?? this.currentWindow(), labelWidth: LABEL_WIDTH, chartWidth: width - LABEL_WIDTH - 8, rowHeight: ROW_HEIGHT };
  }

  private queueDraw(): void {
    if (this.drawQueued) return;
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.draw();
    });
  }

  /** Draws the axis and only the rows in view (plus OVERSCAN): the cost does not grow with the session count. */
  private draw(): void {
    const layout = this.layout;
    if (!layout) return;
    const g = this.geometry();
    const width = g.labelWidth + g.chartWidth + 8;
    this.axis.setAttribute('width', String(width));
    this.axis.replaceChildren(axisLabels(g, 0));
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(layout.rows.length, Math.ceil((this.scroller.scrollTop + this.scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const focusIndex = this.focusIndex();
    const hadFocus = this.scroller.contains(document.activeElement);
    this.rows.setAttribute('width', String(width));
    this.rows.setAttribute('height', String(Math.max(0, last - first) * ROW_HEIGHT));
    this.rows.style.top = `${first * ROW_HEIGHT}px`;
    const parts: SVGElement[] = [rowDefinitions(g), gridLines(g, this.now, 0, Math.max(0, last - first) * ROW_HEIGHT)];
    // Session numbers in keyboard order: the first drawn row's number comes from the layout's index.
    let sessionIndex = lowerBound(layout.sessionRows, first);
    let tabbable = false;
    for (let i = first; i < last; i++) {
      const row = layout.rows[i];
      const isSession = row.kind === 'session';
      const focusable = isSession && sessionIndex === focusIndex;
      tabbable ||= focusable;
      parts.push(rowElement(row, (i - first) * ROW_HEIGHT, g, isSession ? sessionIndex : -1, focusable));
      if (isSession) sessionIndex++;
    }
    this.rows.replaceChildren(...parts);
    // The remembered bar scrolled away: the first bar in view takes the Tab stop, so Tab still reaches the chart.
    if (!tabbable) this.rows.querySelector<SVGElement>('[data-testid=bar]')?.setAttribute('tabindex', '0');
    if (hadFocus && focusIndex >= 0) this.barElement(focusIndex)?.focus({ preventScroll: true });
  }

  private focusIndex(): number {
    const layout = this.layout;
    if (!layout || layout.sessionRows.length === 0) return -1;
    if (this.focusKey !== undefined) {
      const index = layout.sessionRows.findIndex((r) => keyOf(layout.rows[r]) === this.focusKey);
      if (index >= 0) return index;
    }
    return -1;
  }

  private barElement(index: number): SVGGElement | null {
    return this.rows.querySelector<SVGGElement>(`[data-testid=bar][data-index="${index}"]`);
  }

  // ---- input ----

  private onClick(event: MouseEvent): void {
    const bar = (event.target as Element).closest('[data-testid=bar]');
    if (bar) this.open(bar);
  }

  private open(bar: Element): void {
    const serverId = bar.getAttribute('data-server-id');
    const sessionId = bar.getAttribute('data-session-id');
    if (serverId && sessionId) this.host.postMessage({ type: 'open', serverId, sessionId });
  }

  private onKey(event: KeyboardEvent): void {
    const layout = this.layout;
    const bar = (event.target as Element).closest('[data-testid=bar]');
    if (!layout || !bar) return;
    const current = Number(bar.getAttribute('data-index'));
    const count = layout.sessionRows.length;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowRight: current + 1,
      ArrowUp: current - 1,
      ArrowLeft: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: count - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.open(bar);
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.moveFocus(Math.max(0, Math.min(count - 1, target)));
  }

  /** Puts the keyboard on session `index`: scrolls its row into view, draws, focuses its bar. */
  private moveFocus(index: number): void {
    const layout = this.layout;
    if (!layout) return;
    const rowIndex = layout.sessionRows[index];
    this.focusKey = keyOf(layout.rows[rowIndex]);
    const top = rowIndex * ROW_HEIGHT;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = top + ROW_HEIGHT - this.scroller.clientHeight;
    this.draw();
    this.barElement(index)?.focus({ preventScroll: true });
  }

  private onFocus(event: FocusEvent): void {
    const bar = (event.target as Element).closest('[data-testid=bar]');
    if (!bar) return;
    this.focusKey = `${bar.getAttribute('data-server-id')}/${bar.getAttribute('data-session-id')}`;
    this.showTooltip(bar);
  }

  private onHover(event: MouseEvent): void {
    const bar = (event.target as Element).closest('[data-testid=bar]');
    if (bar) this.showTooltip(bar);
    else this.hideTooltip();
  }

  /** Pans by dragging the chart (not a bar): the window follows the pointer, and stops following now. */
  private enableDragPan(): void {
    let startX: number | undefined;
    let startEnd = 0;
    const chart = this.scroller;
    chart.addEventListener('pointerdown', (e) => {
      if ((e.target as Element).closest('[data-testid=bar]') || e.button !== 0) return;
      startX = e.clientX;
      startEnd = this.currentWindow().end;
      chart.setPointerCapture(e.pointerId);
    });
    chart.addEventListener('pointermove', (e) => {
      if (startX === undefined) return;
      const dx = e.clientX - startX;
      if (Math.abs(dx) < 3) return;
      this.follow = false;
      this.pinnedEnd = startEnd - (dx / this.geometry().chartWidth) * this.span;
      this.relayout();
    });
    const stop = (): void => {
      startX = undefined;
    };
    chart.addEventListener('pointerup', stop);
    chart.addEventListener('pointercancel', stop);
  }

  private setZoom(zoom: TimelineZoom): void {
    const middle = this.follow ? undefined : this.pinnedEnd - this.span / 2;
    this.zoom = zoom;
    this.customSpan = undefined;
    if (middle !== undefined) this.pinnedEnd = middle + this.span / 2;
    this.host.setState({ zoom });
    for (const [z, b] of this.zoomButtons) b.setAttribute('aria-pressed', String(z === zoom));
    this.relayout();
  }

  /** The window from the two time inputs (local time, as the axis shows it); a reversed or empty range is said. */
  private showCustomRange(): void {
    const from = new Date(this.customFrom.value).getTime();
    const to = new Date(this.customTo.value).getTime();
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) {
      setText(this.status, 'Choose a start (From) before the end (To).');
      return;
    }
    setText(this.status, '');
    this.customSpan = to - from;
    this.follow = false;
    this.pinnedEnd = to;
    for (const b of this.zoomButtons.values()) b.setAttribute('aria-pressed', 'false');
    this.relayout();
  }

  /** Moves the window by a fraction of its span; reaching now again means following it. */
  private pan(fraction: number): void {
    const end = this.currentWindow().end + fraction * this.span;
    const followEnd = Date.now() + this.span * FOLLOW_MARGIN;
    this.follow = end >= followEnd;
    this.pinnedEnd = end;
    this.relayout();
  }

  // ---- parts ----

  private toolbar(): HTMLElement {
    const zooms = TIMELINE_ZOOMS.map((zoom) => {
      const b = button(ZOOM_LABELS[zoom], `zoom-${zoom}`, () => this.setZoom(zoom));
      b.setAttribute('aria-pressed', String(zoom === this.zoom));
      this.zoomButtons.set(zoom, b);
      return b;
    });
    const exportAs = (format: ExportFormat) => () => void this.export(format);
    return h(
      'div',
      { className: 'tl-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Timeline window' } },
      h('span', { className: 'tl-group', attrs: { role: 'group', 'aria-label': 'Zoom' } }, ...zooms),
      h(
        'span',
        { className: 'tl-group', attrs: { role: 'group', 'aria-label': 'Custom range' } },
        this.customFrom,
        '–',
        this.customTo,
        button('Show Range', 'custom-show', () => this.showCustomRange()),
      ),
      h(
        'span',
        { className: 'tl-group', attrs: { role: 'group', 'aria-label': 'Pan' } },
        button('◀ Earlier', 'pan-earlier', () => this.pan(-0.5)),
        button('Now', 'pan-now', () => {
          this.follow = true;
          this.relayout();
        }),
        button('Later ▶', 'pan-later', () => this.pan(0.5)),
      ),
      this.windowText,
      h('span', { className: 'tl-group tl-export', attrs: { role: 'group', 'aria-label': 'Export' } }, button('Export SVG…', 'export-svg', exportAs('svg')), button('Export PNG…', 'export-png', exportAs('png'))),
      this.status,
    );
  }

  private legend(): HTMLElement {
    const items = (Object.keys(TONE_WORDS) as Array<keyof typeof TONE_WORDS>).map((tone) =>
      h(
        'li',
        { className: `tl-legend-item tl-${tone}` },
        svg('svg', { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true' }, svg('path', { d: TONE_GLYPHS[tone], class: 'tl-glyph' })),
        TONE_WORDS[tone],
      ),
    );
    items.push(h('li', { className: 'tl-legend-item' }, 'Striped: still running · dashed outline: time without zone (placed as local time) or end before start'));
    return h('ul', { className: 'tl-legend', attrs: { 'aria-label': 'Legend' } }, ...items);
  }

  private renderHeader(): void {
    const data = this.data;
    if (!data) return;
    const context: Array<Node | string> = [data.scope ? `Server: ${data.scope}` : 'All servers'];
    if (data.filter) context.push(` · ${data.filter} `, button('Clear Filter', 'clear-filter', () => this.host.postMessage({ type: 'clearFilter' }), 'link-button'));
    context.push(' ', button(data.filter ? 'Change Filter…' : 'Filter…', 'change-filter', () => this.host.postMessage({ type: 'filter' }), 'link-button'));
    const notices: string[] = [];
    if (data.missing.length) notices.push(`Not loaded: ${data.missing.join(', ')} (signed out, unreachable or not opened yet).`);
    if (data.partial) notices.push('Shows the sessions loaded in the tree; Load more there brings older ones.');
    if (this.prepared?.unplaced) notices.push(`${this.prepared.unplaced} sessions have no start time and are not drawn.`);
    replaceChildren(
      this.header,
      h('h1', {}, 'Restore Activity'),
      h('p', { className: 'tl-context', testId: 'context' }, ...context),
      ...notices.map((n) => h('p', { className: 'muted tl-notice' }, n)),
    );
  }

  // ---- tooltip ----

  private showTooltip(bar: Element): void {
    const serverId = bar.getAttribute('data-server-id');
    const sessionId = bar.getAttribute('data-session-id');
    if (!serverId || !sessionId) return;
    this.tooltipRequest = ++this.requestId;
    // Until the host answers: the bar's own words.
    this.fillTooltip(bar.getAttribute('aria-label') ?? '', []);
    const box = bar.getBoundingClientRect();
    this.tooltip.style.left = `${Math.min(Math.max(8, box.left), Math.max(8, window.innerWidth - 360))}px`;
    this.tooltip.style.top = `${box.bottom + 4 + window.scrollY}px`;
    this.tooltip.hidden = false;
    bar.setAttribute('aria-describedby', 'tl-tooltip');
    this.host.postMessage({ type: 'tooltip', requestId: this.tooltipRequest, serverId, sessionId });
  }

  private fillTooltip(title: string, lines: Array<[string, string]>): void {
    replaceChildren(this.tooltip, h('strong', {}, title), ...lines.map(([label, value]) => h('div', {}, `${label}: ${value}`)));
  }

  private hideTooltip(): void {
    this.tooltipRequest = -1;
    this.tooltip.hidden = true;
  }

  // ---- export ----

  private async export(format: ExportFormat): Promise<void> {
    if (!this.layout) return;
    const g = this.geometry();
    const title = `Restore Activity · ${this.data?.scope ?? 'All servers'}${this.data?.filter ? ` · ${this.data.filter}` : ''}`;
    try {
      const text = timelineSvg(this.layout, g, this.now, title);
      let data = text;
      if (format === 'png') {
        const match = /^<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(text);
        data = await svgToPng(text, Number(match?.[1] ?? 800), Number(match?.[2] ?? 600));
      }
      setText(this.status, 'Exporting…');
      this.host.postMessage({ type: 'export', requestId: ++this.requestId, format, data });
    } catch (e) {
      setText(this.status, e instanceof Error ? e.message : String(e));
    }
  }
}

function keyOf(row: TimelineLayout['rows'][number]): string | undefined {
  return row.kind === 'session' ? `${row.entry.serverId}/${row.entry.sessionId}` : undefined;
}

/** How many of the ascending `values` are below `limit`. */
function lowerBound(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
