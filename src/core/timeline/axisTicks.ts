import type { TimeWindow } from './timelineLayout';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps a tick may take, smallest first: each reads as a round time on a clock or calendar. */
const STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

export interface AxisTick {
  at: number;
  /** The tick falls on a local midnight: its label names the day, not only the time. */
  day: boolean;
}

export interface Axis {
  step: number;
  ticks: AxisTick[];
}

/**
 * Ticks at the smallest round step that keeps them at most `maxTicks` across the window, aligned to the viewer's
 * clock (`localOffsetMs` east of UTC), so hours and midnights fall where the labels say.
 */
export function axisTicks(window: TimeWindow, maxTicks: number, localOffsetMs: number): Axis {
  const span = window.end - window.start;
  const step = STEPS.find((s) => span / s <= Math.max(1, maxTicks)) ?? Math.ceil(span / Math.max(1, maxTicks) / DAY) * DAY;
  const ticks: AxisTick[] = [];
  // First multiple of `step` on the local clock at or after the window's start.
  let at = Math.ceil((window.start + localOffsetMs) / step) * step - localOffsetMs;
  for (; at <= window.end; at += step) ticks.push({ at, day: (at + localOffsetMs) % DAY === 0 });
  return { step, ticks };
}
