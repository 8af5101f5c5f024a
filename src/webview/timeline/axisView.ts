import { axisTicks, type AxisTick } from '../../core/timeline/axisTicks';
import type { Palette } from './timelineRows';
import { svg, svgText } from './svgElements';
import { xOf, type TimelineGeometry } from './timelineGeometry';
import { clockText, dayText, localOffsetMs } from './timeText';

export const AXIS_HEIGHT = 24;
/** Room a tick label needs. */
const TICK_SPACING = 90;

function ticksOf(g: TimelineGeometry): AxisTick[] {
  return axisTicks(g.window, Math.floor(g.chartWidth / TICK_SPACING), localOffsetMs(g.window.start)).ticks;
}

/** The tick labels, a row of AXIS_HEIGHT at `y`. */
export function axisLabels(g: TimelineGeometry, y: number, palette?: Palette): SVGGElement {
  const group = svg('g', { class: 'tl-axis', 'aria-hidden': 'true' });
  for (const tick of ticksOf(g)) {
    const x = xOf(g, tick.at);
    group.appendChild(svg('line', { x1: x, x2: x, y1: y + AXIS_HEIGHT - 6, y2: y + AXIS_HEIGHT, class: 'tl-grid', ...(palette ? { stroke: palette.grid } : {}) }));
    group.appendChild(svgText(tick.day ? dayText(tick.at) : clockText(tick.at), { x: x + 3, y: y + 11, class: tick.day ? 'tl-tick tl-tick-day' : 'tl-tick', 'dominant-baseline': 'central', ...(palette ? { fill: palette.muted } : {}) }));
  }
  return group;
}

/** The grid lines and the "now" line over `height` from `y`. */
export function gridLines(g: TimelineGeometry, now: number, y: number, height: number, palette?: Palette): SVGGElement {
  const group = svg('g', { 'aria-hidden': 'true' });
  for (const tick of ticksOf(g)) {
    const x = xOf(g, tick.at);
    group.appendChild(svg('line', { x1: x, x2: x, y1: y, y2: y + height, class: tick.day ? 'tl-grid tl-grid-day' : 'tl-grid', ...(palette ? { stroke: palette.grid } : {}) }));
  }
  if (now >= g.window.start && now <= g.window.end) {
    const x = xOf(g, now);
    group.appendChild(svg('line', { x1: x, x2: x, y1: y, y2: y + height, class: 'tl-now', ...(palette ? { stroke: palette.tone.running, 'stroke-dasharray': '4 3' } : {}) }));
  }
  return group;
}
