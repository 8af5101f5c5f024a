import type { TimeWindow } from '../../core/timeline/timelineLayout';

/** Where things go on screen: a label column, then the time axis across the chart's width. */
export interface TimelineGeometry {
  window: TimeWindow;
  labelWidth: number;
  chartWidth: number;
  rowHeight: number;
}

export const ROW_HEIGHT = 22;
export const LABEL_WIDTH = 280;
/** Narrowest bar drawn: a session of a few seconds (or a point) stays visible and clickable. */
export const MIN_BAR_WIDTH = 3;

export function xOf(g: TimelineGeometry, ms: number): number {
  return g.labelWidth + ((ms - g.window.start) / (g.window.end - g.window.start)) * g.chartWidth;
}

/** The bar's x and width, cut to the chart (a bar running on past an edge stops at it). */
export function barSpan(g: TimelineGeometry, start: number, end: number): { x: number; width: number } {
  const left = Math.max(g.labelWidth, xOf(g, start));
  const right = Math.min(g.labelWidth + g.chartWidth, xOf(g, end));
  const width = Math.max(MIN_BAR_WIDTH, right - left);
  return { x: Math.min(left, g.labelWidth + g.chartWidth - MIN_BAR_WIDTH), width };
}
