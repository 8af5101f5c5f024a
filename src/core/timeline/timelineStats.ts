import { barEnd } from './barPlacement';
import { percentile } from './percentile';
import type { PreparedTimeline, TimeWindow } from './timelineLayout';

export interface TypeDurations {
  typeLabel: string;
  /** Finished sessions of this type in the window with a trustworthy duration. */
  count: number;
  medianMs: number;
  p95Ms: number;
}

/** The figures above the timeline, for one window. */
export interface TimelineSummary {
  /** Sessions that may still run, wherever they started. */
  runningNow: number;
  /** Sessions that ended inside the window. */
  finished: number;
  /** Of those, the failed ones. */
  failed: number;
  /** Per restore type, most frequent first. */
  durations: TypeDurations[];
  /** Starts per bucket of `bucketMs`, from the window's start (the last bucket may be partial). */
  starts: number[];
  bucketMs: number;
  /** Most sessions running at the same moment inside the window. */
  peakConcurrent: number;
}

/**
 * The summary of the sessions that meet `window` at `now`. Durations leave out bars whose end was invented (clock
 * skew, end unknown) or is still moving: they would drag the percentiles towards zero or keep shifting them.
 */
export function summarizeTimeline(prepared: PreparedTimeline, window: TimeWindow, now: number, bucketMs: number): TimelineSummary {
  const bucketCount = Math.max(1, Math.ceil((window.end - window.start) / bucketMs));
  const starts = new Array<number>(bucketCount).fill(0);
  const byType = new Map<string, number[]>();
  // Bar edges cut to the window, for the peak: sorted apart as typed arrays (a native numeric sort), then merged.
  const edgeStarts = new Float64Array(prepared.placed.length);
  const edgeEnds = new Float64Array(prepared.placed.length);
  let edges = 0;
  let runningNow = 0;
  let finished = 0;
  let failed = 0;
  for (const { entry, placement } of prepared.placed) {
    const live = placement.fixedEnd === undefined;
    if (live) runningNow += 1;
    const { end, skewed } = barEnd(placement, now);
    if (end < window.start || placement.start > window.end) continue;
    if (placement.start >= window.start) starts[Math.min(bucketCount - 1, Math.floor((placement.start - window.start) / bucketMs))] += 1;
    edgeStarts[edges] = Math.max(placement.start, window.start);
    edgeEnds[edges] = Math.min(end, window.end);
    edges += 1;
    if (live || end > window.end) continue;
    finished += 1;
    if (placement.tone === 'failed') failed += 1;
    if (skewed || placement.endUnknown) continue;
    let durations = byType.get(entry.typeLabel);
    if (!durations) byType.set(entry.typeLabel, (durations = []));
    durations.push(end - placement.start);
  }
  const peakConcurrent = peakOverlap(edgeStarts.subarray(0, edges).sort(), edgeEnds.subarray(0, edges).sort());
  const durations = [...byType.entries()]
    .map(([typeLabel, values]) => {
      const sorted = Float64Array.from(values).sort();
      return { typeLabel, count: sorted.length, medianMs: percentile(sorted, 50)!, p95Ms: percentile(sorted, 95)! };
    })
    .sort((a, b) => b.count - a.count || a.typeLabel.localeCompare(b.typeLabel));
  return { runningNow, finished, failed, durations, starts, bucketMs, peakConcurrent };
}

/**
 * Most intervals open at one instant, from their sorted starts and ends. A start at the same instant as an end counts
 * first: a bar with start = end still counts, and so do bars touching end to start.
 */
function peakOverlap(starts: Float64Array, ends: Float64Array): number {
  let current = 0;
  let peak = 0;
  let j = 0;
  for (let i = 0; i < starts.length; i++) {
    while (ends[j] < starts[i]) {
      current -= 1;
      j += 1;
    }
    current += 1;
    if (current > peak) peak = current;
  }
  return peak;
}
