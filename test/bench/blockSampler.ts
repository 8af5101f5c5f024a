import * as fs from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** The longest stretch the event loop could not run anything else, over one workload. */
export interface BlockFigures {
  /** `perf_hooks.monitorEventLoopDelay` max (1 ms resolution): how late a timer ran, at worst. */
  maxDelayMs: number;
  /** Our tick sampler (a 1 ms timer chain): the longest gap between two ticks, wall clock. */
  longestGapMs: number;
  /** CPU the main thread used during that gap: near the gap = our work; far below = the OS ran others. */
  longestGapCpuMs: number;
  /**
   * Our own block: over every gap, the smaller of the gap and the CPU the main thread used in it (a gap of 200 ms with
   * 18 ms of CPU was the OS running others; 60 ms with 60 ms of CPU was us, or our garbage collector).
   */
  longestOwnMs: number;
}

/**
 * Samples the event loop while a workload runs. A timer every millisecond records the wall time and the process's
 * CPU time between ticks: on a loaded machine a long gap can be the OS running someone else, which the CPU figure
 * tells apart from a synchronous stretch of ours.
 */
export class BlockSampler {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  private timer: NodeJS.Timeout | undefined;
  private lastWall = 0n;
  private lastCpu = 0;
  private longest = { wall: 0, cpu: 0 };
  private longestOwn = 0;

  start(): void {
    this.histogram.reset();
    this.histogram.enable();
    this.lastWall = process.hrtime.bigint();
    this.lastCpu = cpuMs();
    const tick = (): void => {
      this.record();
      this.timer = setTimeout(tick, 1);
    };
    this.timer = setTimeout(tick, 1);
  }

  stop(): BlockFigures {
    clearTimeout(this.timer);
    // The stretch since the last tick counts too: a workload that never yielded had no tick at all.
    this.record();
    this.histogram.disable();
    const delay = this.histogram.count > 0 ? this.histogram.max / 1e6 : 0;
    return { maxDelayMs: delay, longestGapMs: this.longest.wall, longestGapCpuMs: this.longest.cpu, longestOwnMs: this.longestOwn };
  }

  private record(): void {
    const wall = process.hrtime.bigint();
    const cpu = cpuMs();
    const gap = Number(wall - this.lastWall) / 1e6;
    const used = cpu - this.lastCpu;
    if (gap > this.longest.wall) this.longest = { wall: gap, cpu: used };
    this.longestOwn = Math.max(this.longestOwn, Math.min(gap, used));
    this.lastWall = wall;
    this.lastCpu = cpu;
  }
}

/**
 * CPU time of the main thread alone (Linux: its schedstat, in ns): the process's figure also counts V8's compiler
 * and collector helper threads, which run while the main thread waits for the CPU. Elsewhere the process's figure.
 */
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const mainThreadOnly = fs.existsSync(SCHEDSTAT);

function cpuMs(): number {
  if (mainThreadOnly) return Number(fs.readFileSync(SCHEDSTAT, 'latin1').split(' ')[0]) / 1e6;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export const CPU_SOURCE = mainThreadOnly ? 'main-thread CPU (schedstat)' : 'process CPU';

/** Runs `workload` under a fresh sampler. */
export async function sampleBlocks(workload: () => Promise<void>): Promise<BlockFigures> {
  const sampler = new BlockSampler();
  sampler.start();
  try {
    await workload();
  } catch (e) {
    sampler.stop();
    throw e;
  }
  return sampler.stop();
}
