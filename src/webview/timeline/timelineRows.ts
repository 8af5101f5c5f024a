import type { BarTone } from '../../core/timeline/barPlacement';
import type { Bar, TimelineRow } from '../../core/timeline/timelineLayout';
import type { TimelineEntry } from '../../core/timeline/timelineEntry';
import { svg, svgText } from './svgElements';
import { barSpan, type TimelineGeometry } from './timelineGeometry';
import { formatDuration } from '../../shared/duration';
import { dateTimeText } from './timeText';
import { TONE_GLYPHS, TONE_WORDS } from './toneStyle';

/** Colours written into the picture itself (an export has no theme); undefined on screen, where CSS paints. */
export interface Palette {
  tone: Record<BarTone, string>;
  foreground: string;
  muted: string;
  grid: string;
  background: string;
}

/** Definitions the rows refer to: the stripes over running bars, and the clip of the label column. */
export function rowDefinitions(g: TimelineGeometry, palette?: Palette): SVGDefsElement {
  const stripes = svg('pattern', { id: 'tl-stripes', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  stripes.appendChild(svg('rect', { width: 3, height: 6, class: 'tl-stripe', ...(palette ? { fill: palette.background, 'fill-opacity': 0.45 } : {}) }));
  const clip = svg('clipPath', { id: 'tl-label-clip' }, svg('rect', { x: 0, y: -1000, width: g.labelWidth - 8, height: 1_000_000 }));
  return svg('defs', {}, stripes, clip);
}

/** What a screen reader says for a bar: everything the colour, icon and position show. */
export function barLabel(entry: TimelineEntry, bar: Bar): string {
  const parts = [entry.name, TONE_WORDS[bar.tone], entry.typeLabel];
  if (entry.object) parts.push(entry.object);
  parts.push(`started ${dateTimeText(bar.start)}`);
  if (bar.live) parts.push(`running for ${formatDuration(bar.end - bar.start)}`);
  else if (bar.endUnknown) parts.push('end not known');
  else parts.push(`ended ${dateTimeText(bar.end)}, took ${formatDuration(bar.end - bar.start)}`);
  if (bar.zoneless) parts.push('server time without zone, placed as local time');
  if (bar.skewed) parts.push('the server reported an end before the start');
  if (bar.clippedStart) parts.push('began before this window');
  if (bar.clippedEnd) parts.push('goes on after this window');
  return parts.join(', ');
}

/**
 * One row at `y`: a heading (server or restored object) or a session (icon, name, bar). `sessionIndex` is the
 * session's place in keyboard order; `focusable` makes it the one bar reachable with Tab (roving tabindex).
 */
export function rowElement(row: TimelineRow, y: number, g: TimelineGeometry, sessionIndex: number, focusable: boolean, palette?: Palette): SVGGElement {
  const middle = y + g.rowHeight / 2;
  if (row.kind === 'server' || row.kind === 'group') {
    const label = row.kind === 'server' ? `${row.label} (${row.count})` : `${row.label ?? 'No restored object named'} (${row.count})`;
    const group = svg('g', { class: `tl-heading tl-${row.kind}`, 'data-testid': `heading-${row.kind}` });
    if (row.kind === 'server') group.appendChild(svg('rect', { x: 0, y, width: g.labelWidth + g.chartWidth, height: g.rowHeight, class: 'tl-heading-band', ...(palette ? { fill: palette.grid, 'fill-opacity': 0.25 } : {}) }));
    group.appendChild(
      svgText(label, {
        x: row.kind === 'server' ? 6 : 18,
        y: middle,
        'dominant-baseline': 'central',
        'clip-path': 'url(#tl-label-clip)',
        class: 'tl-heading-text',
        ...(palette ? { fill: row.kind === 'server' ? palette.foreground : palette.muted, 'font-weight': row.kind === 'server' ? 600 : 400 } : {}),
      }),
    );
    return group;
  }
  const { entry, bar } = row;
  const colour = palette?.tone[bar.tone];
  const group = svg('g', { class: `tl-session tl-${bar.tone}` });
  group.appendChild(
    svg('path', {
      d: TONE_GLYPHS[bar.tone],
      transform: `translate(30 ${middle - 6})`,
      class: 'tl-glyph',
      'aria-hidden': 'true',
      ...(colour ? { fill: colour } : {}),
    }),
  );
  group.appendChild(svgText(entry.name, { x: 48, y: middle, 'dominant-baseline': 'central', 'clip-path': 'url(#tl-label-clip)', class: 'tl-name', ...(palette ? { fill: palette.foreground } : {}) }));
  const { x, width } = barSpan(g, bar.start, bar.end);
  const height = g.rowHeight - 8;
  const target = svg('g', {
    class: `tl-bar${bar.zoneless ? ' tl-zoneless' : ''}${bar.skewed ? ' tl-skewed' : ''}${bar.live ? ' tl-live' : ''}`,
    role: 'button',
    tabindex: focusable ? 0 : -1,
    'aria-label': barLabel(entry, bar),
    'data-testid': 'bar',
    'data-index': sessionIndex,
    'data-server-id': entry.serverId,
    'data-session-id': entry.sessionId,
    'data-tone': bar.tone,
  });
  target.appendChild(
    svg('rect', {
      x: x.toFixed(1),
      y: y + 4,
      width: width.toFixed(1),
      height,
      rx: 2,
      class: 'tl-bar-fill',
      ...(colour ? { fill: colour } : {}),
    }),
  );
  // Running bars carry stripes: "still going" reads without colour, in any theme and in print.
  if (bar.live) target.appendChild(svg('rect', { x: x.toFixed(1), y: y + 4, width: width.toFixed(1), height, rx: 2, fill: 'url(#tl-stripes)', class: 'tl-bar-stripes', 'pointer-events': 'none' }));
  // The outline: dashed when the time is approximate (zone-less) or was corrected (clock skew).
  target.appendChild(
    svg('rect', {
      x: x.toFixed(1),
      y: y + 4,
      width: width.toFixed(1),
      height,
      rx: 2,
      class: 'tl-bar-outline',
      fill: 'none',
      ...(bar.zoneless || bar.skewed ? { 'stroke-dasharray': '3 2' } : {}),
      ...(palette ? { stroke: palette.foreground, 'stroke-opacity': bar.zoneless || bar.skewed ? 0.9 : 0.25 } : {}),
    }),
  );
  group.appendChild(target);
  return group;
}
