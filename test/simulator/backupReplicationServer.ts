import { appendLogRecords, generateBackupReplicationData, type BackupReplicationData, type VbrLogRecord } from './backupReplicationData';
import { BackupReplicationProgression } from './backupReplicationProgression';
import type { VbrRevision } from './backupReplicationRevisions';
import { backupReplicationInternalError, createBackupReplicationApi } from './backupReplicationRoutes';
import type { BackupReplicationTokens } from './backupReplicationTokens';
import type { FaultSettings } from './faults';
import type { SeededRandom } from './seededRandom';
import type { SimRequest, SimResponse } from './simulatedExchange';
import type { FinalResult } from './sessionProgression';
import type { SimulatorCredentials } from './simulatorCredentials';

export interface BackupReplicationServerOptions {
  /** Streams forked when the simulator starts, so the data is the same whenever it is built. */
  dataRandom: SeededRandom;
  runtimeRandom: SeededRandom;
  sessionCount: number;
  runningCount: number;
  /** The simulator's start: session times are relative to it. */
  nowMs: number;
  revision: VbrRevision;
  progressStepMs: number;
  tokens: BackupReplicationTokens;
  credentials: SimulatorCredentials;
  faults(): FaultSettings;
}

interface BuiltServer {
  data: BackupReplicationData;
  api: ReturnType<typeof createBackupReplicationApi>;
  progression: BackupReplicationProgression;
}

/**
 * The Backup & Replication server, its data generated on first use: thousands of sessions cost a few hundred ms, which
 * every simulator a test starts for EM or VB365 alone would otherwise pay.
 */
export class BackupReplicationServer {
  private built: BuiltServer | undefined;
  private stopped = false;

  constructor(private readonly options: BackupReplicationServerOptions) {}

  handle(request: SimRequest): SimResponse {
    return this.server().api.handle(request);
  }

  internalError(): SimResponse {
    return backupReplicationInternalError();
  }

  addRunningSession(name?: string, finalResult?: FinalResult, durationSeconds?: number): string {
    return this.server().progression.add(name, finalResult, durationSeconds);
  }

  /** Hostile log records for a session (`POST /sessions/{id}/logs` on the control endpoint); false without that session. */
  appendLogRecords(id: string, records: ReadonlyArray<Omit<VbrLogRecord, 'id' | 'startMs' | 'updateMs'>>): boolean {
    const built = this.server();
    const session = built.data.sessionsById.get(id);
    if (!session) return false;
    appendLogRecords(built.data, session, records, Date.now());
    return true;
  }

  stop(): void {
    this.stopped = true;
    this.built?.progression.stop();
  }

  private server(): BuiltServer {
    if (this.built) return this.built;
    const o = this.options;
    const data = generateBackupReplicationData(o.dataRandom, o.sessionCount, o.runningCount, o.nowMs, o.revision);
    const progression = new BackupReplicationProgression(data, o.runtimeRandom, o.progressStepMs);
    const api = createBackupReplicationApi({ data, tokens: o.tokens, progression, credentials: o.credentials, faults: o.faults });
    if (!this.stopped) progression.start();
    this.built = { data, api, progression };
    return this.built;
  }
}
