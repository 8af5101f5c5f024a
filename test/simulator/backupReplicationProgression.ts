import { addBackupReplicationSession, advanceStep, endSession, nextUsn, touchOpenStep, type BackupReplicationData, type VbrSession } from './backupReplicationData';
import type { SeededRandom } from './seededRandom';
import type { FinalResult } from './sessionProgression';

interface VbrRunPlan {
  finalResult: FinalResult;
  /** Progress points per tick. */
  speed: number;
  progress: number;
  ticksInPhase: number;
  /** A stop request arrived: the session ends Stopped with isCanceled. */
  canceled: boolean;
}

/** Progress points between two log steps. */
const POINTS_PER_STEP = 15;

/**
 * Moves running Backup & Replication sessions forward on their own unref'd interval (own random stream, so the EM and
 * VB365 data and runs stay what they were): Starting → Working (progressPercent rising, one log step closing and the
 * next opening every few ticks, the open step's updateTime moving) → Stopping → Stopped with a result. A failing run's
 * open step turns Failed at the end. A stop request makes the session Stopping now and Stopped two ticks later.
 * A session generated WaitingRepository works after a few ticks; one in ActionRequired waits until stopped. Unlike sessionProgression.ts this drives log records and stop requests.
 */
export class BackupReplicationProgression {
  private timer: NodeJS.Timeout | undefined;
  private readonly plans = new Map<VbrSession, VbrRunPlan>();

  constructor(
    private readonly data: BackupReplicationData,
    private readonly random: SeededRandom,
    private readonly stepMs: number,
    private readonly now: () => number = Date.now,
  ) {
    for (const s of data.sessions) if (s.state !== 'Stopped') this.plans.set(s, this.plan(s.progressPercent));
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.stepMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** `durationSeconds`: roughly how long the progress takes to reach 100. */
  add(name?: string, finalResult?: FinalResult, durationSeconds?: number): string {
    const session = addBackupReplicationSession(this.data, this.random, this.now(), name);
    this.plans.set(session, this.plan(0, finalResult, durationSeconds));
    return session.id;
  }

  /** POST …/stop on a running session. */
  requestStop(s: VbrSession): void {
    const plan = this.plans.get(s) ?? this.plan(s.progressPercent);
    this.plans.set(s, plan);
    plan.canceled = true;
    plan.ticksInPhase = 0;
    s.held = false;
    s.state = 'Stopping';
    s.usn = nextUsn(this.data);
  }

  private plan(progress: number, finalResult?: FinalResult, durationSeconds?: number): VbrRunPlan {
    const ticks = durationSeconds === undefined ? undefined : Math.max(1, (durationSeconds * 1000) / this.stepMs);
    return {
      finalResult: finalResult ?? this.random.weighted<FinalResult>([['Success', 70], ['Warning', 20], ['Failed', 10]]),
      speed: ticks === undefined ? 0.85 + this.random.next() * 0.85 : 100 / ticks,
      progress,
      ticksInPhase: 0,
      canceled: false,
    };
  }

  private tick(): void {
    const now = this.now();
    for (const [s, plan] of this.plans) this.advance(s, plan, now);
  }

  private advance(s: VbrSession, plan: VbrRunPlan, now: number): void {
    if (s.state === 'Stopped') {
      this.plans.delete(s);
      return;
    }
    if (s.held) return;
    plan.ticksInPhase++;
    switch (s.state) {
      case 'Starting':
        if (plan.ticksInPhase >= 2) this.enter(s, plan, 'Working');
        return;
      case 'WaitingRepository':
      case 'WaitingSlot':
        if (plan.ticksInPhase >= 3) this.enter(s, plan, 'Working');
        return;
      case 'Stopping':
        if (plan.ticksInPhase >= 2) {
          endSession(this.data, this.random, s, now, plan.canceled ? 'Failed' : plan.finalResult, plan.canceled);
          if (s.progress) s.progress.durationMs = now - s.creationMs;
          this.plans.delete(s);
        }
        return;
      default: {
        // Working, and any other running state a session was generated in.
        const before = Math.floor(plan.progress / POINTS_PER_STEP);
        plan.progress = Math.min(100, plan.progress + plan.speed);
        s.progressPercent = Math.floor(plan.progress);
        if (s.progress) {
          s.progress.durationMs = now - s.creationMs;
          s.progress.processedSize += this.random.int(50, 500) * 1024 ** 2;
        }
        if (Math.floor(plan.progress / POINTS_PER_STEP) > before) advanceStep(this.data, this.random, s, now);
        else touchOpenStep(s, now);
        s.usn = nextUsn(this.data);
        // A failing run dies part-way; its open step turns Failed when it ends.
        if ((plan.finalResult === 'Failed' && plan.progress >= 70) || plan.progress >= 100) this.enter(s, plan, 'Stopping');
      }
    }
  }

  private enter(s: VbrSession, plan: VbrRunPlan, state: string): void {
    s.state = state;
    s.usn = nextUsn(this.data);
    plan.ticksInPhase = 0;
  }
}
