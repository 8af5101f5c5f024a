import { addEnterpriseManagerSession, finish, type EmRestoreSession, type EnterpriseManagerData } from './enterpriseManagerData';
import { addMicrosoft365Session, appendItemEvent, finishMicrosoft365Session, settleEvent, type M365Event, type M365EventStatus, type M365RestoreSession, type Microsoft365Data } from './microsoft365Data';
import type { SeededRandom } from './seededRandom';

export type FinalResult = 'Success' | 'Warning' | 'Failed';

interface RunPlan {
  finalResult: FinalResult;
  /** Progress points per tick (1–2 → a session takes ~50–100 ticks). */
  speed: number;
  /** VB365 has no progress field; this drives its item events and completion. */
  progress: number;
  ticksInPhase: number;
  /** VB365: the item event that is running now, and the status it ends with. */
  open?: { event: M365Event; status: Exclude<M365EventStatus, 'Running'> };
}

/**
 * Moves running sessions forward on one unref'd interval: EM Starting → Working (Progress rising) →
 * Stopping → Stopped with a result (a session generated in `Postprocessing`, a state the client does not know,
 * stops after a few ticks); VB365 Working with item events appended → Stopped.
 */
export class SessionProgression {
  private timer: NodeJS.Timeout | undefined;
  private readonly emPlans = new Map<EmRestoreSession, RunPlan>();
  private readonly m365Plans = new Map<M365RestoreSession, RunPlan>();

  constructor(
    private readonly em: EnterpriseManagerData,
    private readonly m365: Microsoft365Data,
    private readonly random: SeededRandom,
    private readonly stepMs: number,
    private readonly now: () => number = Date.now,
  ) {
    for (const s of em.sessions) if (s.state !== 'Stopped') this.emPlans.set(s, this.plan(s.progress ?? 0));
    for (const s of m365.sessions) if (s.state !== 'Stopped') this.m365Plans.set(s, this.plan(this.random.int(0, 90)));
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

  /**
   * A test dictates an EM session's state: any word, or `''` for none, holds until the test dictates `Stopped`, which
   * ends the session now (end time, final result) the way the progression would.
   */
  forceEnterpriseManagerState(s: EmRestoreSession, state: string): void {
    this.em.revision++;
    if (state !== 'Stopped') {
      s.state = state;
      s.stateHeld = true;
      return;
    }
    s.stateHeld = false;
    finish(this.random, s, this.now(), this.emPlans.get(s)?.finalResult ?? 'Success');
    this.emPlans.delete(s);
  }

  /** `durationSeconds`: roughly how long the progress takes to reach 100 (default: 50–100 ticks). */
  addEnterpriseManager(name?: string, finalResult?: FinalResult, durationSeconds?: number): string {
    const session = addEnterpriseManagerSession(this.em, this.random, this.now(), name);
    this.emPlans.set(session, this.plan(0, finalResult, durationSeconds));
    return session.id;
  }

  addMicrosoft365(name?: string, finalResult?: FinalResult, durationSeconds?: number): string {
    const session = addMicrosoft365Session(this.m365, this.random, this.now(), name);
    this.m365Plans.set(session, this.plan(0, finalResult, durationSeconds));
    return session.id;
  }

  private plan(progress: number, finalResult?: FinalResult, durationSeconds?: number): RunPlan {
    const ticks = durationSeconds === undefined ? undefined : Math.max(1, (durationSeconds * 1000) / this.stepMs);
    return {
      finalResult: finalResult ?? this.random.weighted<FinalResult>([['Success', 70], ['Warning', 20], ['Failed', 10]]),
      speed: ticks === undefined ? 0.85 + this.random.next() * 0.85 : 100 / ticks,
      progress,
      ticksInPhase: 0,
    };
  }

  private tick(): void {
    const now = this.now();
    if (this.emPlans.size > 0) this.em.revision++;
    for (const [s, plan] of this.emPlans) this.advanceEnterpriseManager(s, plan, now);
    for (const [s, plan] of this.m365Plans) this.advanceMicrosoft365(s, plan, now);
  }

  private advanceEnterpriseManager(s: EmRestoreSession, plan: RunPlan, now: number): void {
    if (s.stateHeld) return;
    plan.ticksInPhase++;
    switch (s.state) {
      case 'Starting':
        if (plan.ticksInPhase >= 2) this.enter(s, plan, 'Working');
        return;
      case 'Working': {
        plan.progress = Math.min(100, plan.progress + plan.speed);
        // A failing restore dies part-way; the others reach 100 and stop.
        if (plan.finalResult === 'Failed' && plan.progress >= 70) {
          s.progress = Math.floor(plan.progress);
          this.enter(s, plan, 'Stopping');
          return;
        }
        s.progress = Math.floor(plan.progress);
        if (plan.progress >= 100) this.enter(s, plan, 'Stopping');
        return;
      }
      case 'Stopping':
        if (plan.ticksInPhase >= 2) {
          const progress = s.progress;
          finish(this.random, s, now, plan.finalResult);
          s.progress = progress;
          this.emPlans.delete(s);
        }
        return;
      case 'Postprocessing':
        if (plan.ticksInPhase >= 3) {
          finish(this.random, s, now, plan.finalResult);
          s.progress = 100;
          this.emPlans.delete(s);
        }
        return;
      case 'Stopped':
        this.emPlans.delete(s);
    }
  }

  private enter(s: EmRestoreSession, plan: RunPlan, state: EmRestoreSession['state']): void {
    s.state = state;
    plan.ticksInPhase = 0;
  }

  private advanceMicrosoft365(s: M365RestoreSession, plan: RunPlan, now: number): void {
    if (s.state === 'Stopped') {
      this.m365Plans.delete(s); // stopped through the API
      return;
    }
    const before = Math.floor(plan.progress / 12);
    plan.progress = Math.min(100, plan.progress + plan.speed);
    // An item's event is written when it starts (Running) and updated in place when it ends, as the next one starts:
    // a log read while the session runs has records that change later, the last one possibly to Failed.
    if (Math.floor(plan.progress / 12) > before) {
      const status = this.random.chance(0.05) ? 'Skipped' : 'Success';
      if (plan.progress < 100) {
        if (plan.open) settleEvent(plan.open.event, plan.open.status, now);
        plan.open = { event: appendItemEvent(s, this.random, now, 'Running'), status };
      }
    }
    if (plan.progress >= 100) {
      if (plan.open) settleEvent(plan.open.event, plan.finalResult === 'Success' ? plan.open.status : plan.finalResult, now);
      else if (plan.finalResult !== 'Success') appendItemEvent(s, this.random, now, plan.finalResult);
      plan.open = undefined;
      finishMicrosoft365Session(s, this.random, now, plan.finalResult);
      this.m365Plans.delete(s);
    }
  }
}
