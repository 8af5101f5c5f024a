import { atLeast, type VbrRevision } from './backupReplicationRevisions';
import { isSessionTypeOf, RESTORE_TYPES } from './backupReplicationSessionTypes';
import { SeededRandom } from './seededRandom';
import { finishedEndMs } from './simulatedTime';

export type VbrResultValue = 'None' | 'Success' | 'Warning' | 'Failed';
export type VbrLogStatus = 'None' | 'Succeeded' | 'Warning' | 'Failed';

export interface VbrResult {
  result: VbrResultValue;
  message: string;
  isCanceled: boolean;
}

/** `SessionProgress` (served from 1.3-rev2 on sessions). */
export interface VbrProgress {
  durationMs: number;
  processingRate: string;
  bottleneck: string;
  processedSize: number;
  readSize: number;
  transferredSize: number;
}

export interface VbrLogRecord {
  id: number;
  /** One of VbrLogStatus, or any word a test appends (hostile log records: a status no version knows). */
  status: string;
  startMs: number;
  updateMs: number;
  title: string;
  description: string;
  /** Served as `field: data; …` text up to 1.3-rev1 and as an array of `{field, data}` from 1.3-rev2. */
  info: Array<{ field: string; data: string }>;
}

/** A Restore-type task session (one restored object). */
export interface VbrTaskSession {
  id: string;
  name: string;
  creationMs: number;
  endMs?: number;
  state: string;
  result: VbrResult;
  usn: number;
}

export interface VbrSession {
  id: string;
  name: string;
  /** Stored type, as the newest revision names it (`BackupJob`, never `Job`). */
  type: string;
  /** One of the sessions that published 1.2-rev1/1.3-rev0 bodies show as `"sessionType": "Job"`. */
  showsAsJob: boolean;
  /** `jobId` from 1.2-rev1, `activityId` before. */
  jobId: string;
  creationMs: number;
  endMs?: number;
  /** This session's times come with `Z` instead of the server's offset. */
  utcTimes: boolean;
  fractionDigits: number;
  state: string;
  /** Undefined while running: `null` before 1.3-rev0, `{"result":"None"}` from 1.3-rev0. */
  result?: VbrResult;
  progressPercent: number;
  resource?: { id: string; path: string; pathBeforeVSphere?: string };
  parentSessionId?: string;
  usn: number;
  platformName?: string;
  initiatedBy: string;
  algorithm?: 'Full' | 'Increment';
  progress?: VbrProgress;
  originalSessionId?: string;
  retryNumber?: number;
  /** Held in its state (ActionRequired) until someone stops it. */
  held: boolean;
  /** Seed of a finished session's log and task sessions, generated on first request. */
  detailSeed: number;
  logs?: VbrLogRecord[];
  tasks?: VbrTaskSession[];
}

export interface BackupReplicationData {
  revision: VbrRevision;
  /** Oldest first; lists order on request. */
  sessions: VbrSession[];
  sessionsById: Map<string, VbrSession>;
  /** Last update sequence number handed out. */
  usn: number;
}

/** The server's UTC offset (a server in CET). */
export const SERVER_OFFSET_MINUTES = 60;

interface TypeProfile {
  type: string;
  weight: number;
  kind: 'backup' | 'restore' | 'other';
  platforms: readonly string[];
  names: readonly string[];
  steps: readonly string[];
  resource?: 'backup' | 'restorePoint' | 'vmMount' | 'fcdMount' | 'flr';
  /** Sessions with a SessionProgress object in 1.3-rev2. */
  progress?: boolean;
}

const VMS = ['winsrv100', 'apache05', 'sql-prod-01', 'dc01', 'fileserv02', 'exch-mbx01', 'web-frontend-03', 'linux-db07', 'erp-app02', 'citrix-vda11'];
const JOBS = ['Daily VMs - Tier 1', 'SQL Servers', 'Exchange', 'File servers (GFS)', 'Linux web farm', 'Domain controllers'];
const SCHEDULER = 'WORKGROUP\\VBR01$';
const OPERATORS = ['SIMLAB\\restore-admin', '.\\lu01', 'user', 'SIMLAB\\helpdesk01'];
const RESTORE_STEPS = ['Starting restore job', 'Locking required backup files', 'Queued for processing', 'Required backup infrastructure resources have been assigned', 'Restoring {vm}', 'Restoring disk Hard disk 1 (40 GB)', 'Powering on VM {vm}'];
const BACKUP_STEPS = ['Job started', 'Building VMs list', 'VM size: 120 GB (64 GB used)', 'Processing {vm}', 'All VMs have been queued for processing', 'Load: Source 45% > Proxy 30% > Network 12% > Target 8%', 'Primary bottleneck: Source'];
const SHORT_STEPS = ['Starting', 'Collecting data', 'Processing'];

const vmProfile = (type: string, weight: number, steps: readonly string[] = RESTORE_STEPS, extra: Partial<TypeProfile> = {}): TypeProfile => ({
  type, weight, kind: 'restore', platforms: ['VMware', 'VMware', 'VMware', 'HyperV'], names: VMS, steps, ...extra,
});
const otherProfile = (type: string, weight: number, names: readonly string[], extra: Partial<TypeProfile> = {}): TypeProfile => ({
  type, weight, kind: 'other', platforms: [], names, steps: SHORT_STEPS, ...extra,
});

/** The mix of a busy server: mostly jobs and housekeeping, restores a minority (about one session in eleven). */
const PROFILES: readonly TypeProfile[] = [
  { type: 'BackupJob', weight: 440, kind: 'backup', platforms: ['VMware', 'VMware', 'VMware', 'HyperV'], names: JOBS, steps: BACKUP_STEPS, resource: 'backup', progress: true },
  { type: 'ReplicaJob', weight: 60, kind: 'backup', platforms: ['VMware'], names: JOBS.map((j) => `Replica ${j}`), steps: BACKUP_STEPS, progress: true },
  { type: 'BackupCopyJob', weight: 50, kind: 'backup', platforms: ['VMware', 'HyperV'], names: JOBS.map((j) => `${j} (copy)`), steps: BACKUP_STEPS, resource: 'backup', progress: true },
  { type: 'AgentBackup', weight: 40, kind: 'backup', platforms: ['WindowsPhysical', 'LinuxPhysical'], names: ['Laptops', 'Physical servers'], steps: BACKUP_STEPS, resource: 'backup', progress: true },
  { type: 'SqlLogBackup', weight: 50, kind: 'backup', platforms: ['VMware'], names: ['SQL Servers SQL Server Transaction Log Backup'], steps: SHORT_STEPS },
  { type: 'EndpointBackup', weight: 15, kind: 'backup', platforms: ['WindowsPhysical'], names: ['Workstations'], steps: BACKUP_STEPS, progress: true },
  otherProfile('Infrastructure', 60, ['Rescan of Host esx01.simlab.local', 'Rescan of Host hv02.simlab.local', 'Host discovery']),
  otherProfile('ConfigurationBackup', 15, ['Backup Configuration Job']),
  otherProfile('RepositoryMaintenance', 20, ['Main repository maintenance', 'Hardened repo maintenance']),
  otherProfile('InfrastructureItemDeletion', 5, ['Removing backup infrastructure item']),
  otherProfile('MalwareDetection', 20, ['Malware detection scan']),
  otherProfile('SecurityComplianceAnalyzer', 5, ['Security & Compliance Analyzer']),
  otherProfile('Retention', 10, JOBS.map((j) => `Retention: ${j}`)),
  otherProfile('LogsExport', 3, ['Logs export']),
  otherProfile('SureBackup', 10, ['SureBackup verification'], { platforms: ['VMware'] }),
  vmProfile('RestoreVm', 20, RESTORE_STEPS, { resource: 'restorePoint', progress: true }),
  vmProfile('InstantRecovery', 14, RESTORE_STEPS, { resource: 'vmMount', progress: true }),
  vmProfile('FileLevelRestore', 16, ['Starting file-level restore', 'Mounting backup of {vm}', 'Backup of {vm} is mounted']),
  vmProfile('LinuxFileLevelRestore', 4, ['Starting helper appliance', 'Mounting backup of {vm}', 'Backup of {vm} is mounted'], { platforms: ['VMware'] }),
  vmProfile('FirstClassDiskInstantRestore', 2, RESTORE_STEPS, { platforms: ['VMware'], resource: 'fcdMount' }),
  vmProfile('CloudDirectorVmRestore', 2, RESTORE_STEPS, { platforms: ['CloudDirector'] }),
  { type: 'NasRestore', weight: 5, kind: 'restore', platforms: ['UnstructuredData'], names: ['\\\\fileserv01\\share', '\\\\nas02\\projects'], steps: ['Starting file share restore', 'Restoring files', 'Restored 1,204 files'] },
  { type: 'EntraIdRestore', weight: 5, kind: 'restore', platforms: ['EntraID'], names: ['simlab.onmicrosoft.com'], steps: ['Starting Microsoft Entra ID tenant restore', 'Restoring users', 'Restoring groups'] },
  { type: 'EntraIdRestoreFromCopy', weight: 2, kind: 'restore', platforms: ['EntraID'], names: ['simlab.onmicrosoft.com'], steps: ['Starting restore from backup copy', 'Restoring users'] },
  vmProfile('AzureInstantRecovery', 3, RESTORE_STEPS, { platforms: ['AzureCompute'] }),
  { type: 'FileInstantRecovery', weight: 3, kind: 'restore', platforms: ['UnstructuredData'], names: ['\\\\fileserv01\\share'], steps: ['Publishing file share', 'File share is available'] },
  vmProfile('ApplicationLevelRestore', 3, ['Starting application item restore', 'Restoring database SalesDB'], { names: ['sql-prod-01'] }),
  vmProfile('DiskRestore', 2, RESTORE_STEPS),
  vmProfile('InstantDiskRecovery', 2, RESTORE_STEPS),
  vmProfile('QuickMigration', 5, ['Starting quick migration', 'Migrating {vm}'], { kind: 'other' }),
  vmProfile('PublishBackupContentViaMount', 4, ['Publishing backup content', 'Disks of {vm} are mounted'], { kind: 'other' }),
  vmProfile('FirstClassDiskQuickMigration', 1, ['Starting FCD migration'], { kind: 'other', platforms: ['VMware'] }),
];

/** Not in the random mix: one such session waits for the user on 1.3-rev2 servers. */
const PER_VM_MOVE: TypeProfile = { type: 'PerVmMoveBackup', weight: 0, kind: 'other', platforms: ['VMware'], names: ['Move backup of SQL Servers'], steps: ['Moving backup files', 'Waiting for user confirmation'] };

const RESULT_MESSAGES: Record<'Warning' | 'Failed', readonly string[]> = {
  Warning: ['Processing {vm} finished with warnings', 'Changed block tracking cannot be enabled: one or more VM disks are independent', 'Free space on the repository is below 10%'],
  Failed: ['Error: Failed to connect to host esx01.simlab.local', 'Creating synthetic full backup (22% done)', '<StateXml/>', 'Error: The network path was not found.'],
};

export function generateBackupReplicationData(random: SeededRandom, sessionCount: number, runningAsked: number, nowMs: number, revision: VbrRevision): BackupReplicationData {
  const runningCount = Math.max(0, Math.min(runningAsked, sessionCount));
  const data: BackupReplicationData = { revision, sessions: [], sessionsById: new Map(), usn: 1000 };
  const profiles = PROFILES.filter((p) => isSessionTypeOf(p.type, revision) || p.type === 'BackupJob');
  const jobIds = new Map<string, string>();
  const lastRunOfJob = new Map<string, VbrSession>();
  const actionRequired = atLeast(revision, '1.3-rev2') && sessionCount > runningCount ? 1 : 0;
  const finishedCount = Math.max(0, sessionCount - runningCount - actionRequired);
  const anchorMs = Math.floor(nowMs / 1000) * 1000;
  const finished: VbrSession[] = [];
  for (let i = 0; i < finishedCount; i++) {
    const profile = random.weighted(profiles.map((p) => [p, p.weight] as const));
    const startMs = anchorMs - random.int(10 * 60, 30 * 24 * 3600) * 1000 + random.int(0, 999);
    const session = makeSession(data, random, profile, startMs, jobIds);
    const durationS = profile.kind === 'other' ? random.int(10, 600) : random.int(60, 2 * 3600);
    const result = random.weighted<'Success' | 'Warning' | 'Failed'>([['Success', 80], ['Warning', 12], ['Failed', 8]]);
    const endMs = finishedEndMs(startMs, durationS * 1000, anchorMs);
    endSession(data, random, session, endMs, result, false);
    // A finished successful session can report 0 percent (Part E §5.1).
    session.progressPercent = result === 'Success' ? (random.chance(0.1) ? 0 : 100) : random.int(10, 95);
    if (session.progress) session.progress.durationMs = endMs - startMs;
    finished.push(session);
  }
  // Links between sessions, made on the time line: retries name their first run, migrations their recovery, log backups their job run.
  finished.sort((a, b) => a.creationMs - b.creationMs);
  let lastInstantRecovery: VbrSession | undefined;
  let lastBackupRun: VbrSession | undefined;
  for (const s of finished) {
    if (s.type === 'InstantRecovery') lastInstantRecovery = s;
    if (s.type === 'QuickMigration' && lastInstantRecovery) s.parentSessionId = lastInstantRecovery.id;
    if (s.type === 'SqlLogBackup' && lastBackupRun) s.parentSessionId = lastBackupRun.id;
    if (s.type === 'BackupJob') {
      const previous = lastRunOfJob.get(s.jobId);
      if (previous && previous.result?.result === 'Failed' && random.chance(0.6)) {
        s.originalSessionId = previous.originalSessionId ?? previous.id;
        s.retryNumber = (previous.retryNumber ?? 0) + 1;
      }
      lastRunOfJob.set(s.jobId, s);
      lastBackupRun = s;
    }
  }
  data.sessions.push(...finished);
  const restoreProfiles = profiles.filter((p) => ['RestoreVm', 'InstantRecovery', 'FileLevelRestore'].includes(p.type));
  for (let i = 0; i < runningCount; i++) {
    // Half of what runs at start is a restore, so a demo has live restores to watch.
    const profile = i % 2 === 0 && restoreProfiles.length > 0 ? random.pick(restoreProfiles) : profiles[0];
    const startMs = anchorMs - random.int(20, 600) * 1000 + random.int(0, 999);
    const session = makeSession(data, random, profile, startMs, jobIds);
    startRunning(data, random, session, startMs);
    session.progressPercent = random.int(0, 60);
    // A documented state many clients do not expect: the second job run at start waits for its repository.
    if (i === 1) session.state = 'WaitingRepository';
    data.sessions.push(session);
  }
  if (actionRequired) {
    // A move session waiting for the user (1.3-rev2): it stays so until someone stops it.
    const startMs = anchorMs - random.int(3600, 5 * 3600) * 1000;
    const profile = PER_VM_MOVE;
    const session = makeSession(data, random, profile, startMs, jobIds);
    startRunning(data, random, session, startMs);
    session.state = 'ActionRequired';
    session.held = true;
    data.sessions.push(session);
  }
  data.sessions.sort((a, b) => a.creationMs - b.creationMs);
  for (const s of data.sessions) data.sessionsById.set(s.id, s);
  return data;
}

/** A new running restore (control endpoint, tests). */
export function addBackupReplicationSession(data: BackupReplicationData, random: SeededRandom, nowMs: number, name?: string): VbrSession {
  const profile = PROFILES.find((p) => p.type === 'RestoreVm')!;
  const session = makeSession(data, random, profile, nowMs, new Map());
  if (name !== undefined) session.name = name;
  startRunning(data, random, session, nowMs);
  session.state = 'Starting';
  data.sessions.push(session);
  data.sessionsById.set(session.id, session);
  return session;
}

export function nextUsn(data: BackupReplicationData): number {
  return ++data.usn;
}

/** The log of a session, generating a finished session's history on first use. */
export function logsOf(s: VbrSession): VbrLogRecord[] {
  if (!s.logs) materialiseHistory(s);
  return s.logs!;
}

/** The Restore-type task sessions of a session (none for other kinds). */
export function tasksOf(s: VbrSession): VbrTaskSession[] {
  if (!s.tasks) materialiseHistory(s);
  return s.tasks!;
}

export function isRestoreSession(s: VbrSession): boolean {
  return RESTORE_TYPES.has(s.type);
}

/** The step of a running session that has not finished yet. */
export function openStep(s: VbrSession): VbrLogRecord | undefined {
  return logsOf(s).find((r) => r.status === 'None');
}

/** Closes the open step and opens the next of the session's steps; false when there is none left. */
export function advanceStep(data: BackupReplicationData, random: SeededRandom, s: VbrSession, nowMs: number, closeAs: VbrLogStatus = 'Succeeded'): boolean {
  const open = openStep(s);
  if (open) closeRecord(open, nowMs, closeAs);
  const logs = logsOf(s);
  const steps = profileOf(s).steps;
  const done = logs.length - 1; // the first record is the start line
  s.usn = nextUsn(data);
  if (done >= steps.length) return false;
  logs.push(record(logs.length + 1, 'None', nowMs - random.int(0, 400), nowMs, stepTitle(steps[done], s), progressInfo(random)));
  return true;
}

/** The running step keeps working: its update time moves on. */
export function touchOpenStep(s: VbrSession, nowMs: number): void {
  const open = openStep(s);
  if (open) open.updateMs = nowMs;
}

/** Ends a running session now: open step closed, final log line, task sessions stopped, result set. */
export function endSession(data: BackupReplicationData, random: SeededRandom, s: VbrSession, nowMs: number, result: 'Success' | 'Warning' | 'Failed', canceled: boolean): void {
  s.state = 'Stopped';
  s.endMs = nowMs;
  s.held = false;
  const message = canceled ? 'Stopped by user' : result === 'Success' ? '' : stepTitle(random.pick(RESULT_MESSAGES[result]), s);
  s.result = { result, message, isCanceled: canceled };
  s.usn = nextUsn(data);
  if (s.logs) {
    const open = openStep(s);
    if (open) closeRecord(open, nowMs, canceled || result === 'Failed' ? 'Failed' : result === 'Warning' ? 'Warning' : 'Succeeded');
    s.logs.push(finalRecord(s, s.logs.length + 1, nowMs));
  }
  for (const task of s.tasks ?? []) {
    if (task.state === 'Stopped') continue;
    task.state = 'Stopped';
    task.endMs = nowMs;
    task.result = { result: canceled ? 'Failed' : result, message: canceled ? 'Stopped by user' : '', isCanceled: canceled };
    task.usn = nextUsn(data);
  }
}

function makeSession(data: BackupReplicationData, random: SeededRandom, profile: TypeProfile, startMs: number, jobIds: Map<string, string>): VbrSession {
  const id = random.guid();
  const name = random.pick(profile.names);
  const jobKey = `${profile.type} ${name}`;
  let jobId: string;
  if (profile.kind === 'backup') {
    jobId = jobIds.get(jobKey) ?? random.guid();
    jobIds.set(jobKey, jobId);
  } else jobId = profile.kind === 'restore' ? random.guid() : id; // infrastructure sessions are their own job
  const platformName = profile.platforms.length > 0 ? random.pick(profile.platforms) : undefined;
  const session: VbrSession = {
    id,
    name,
    type: profile.type,
    showsAsJob: profile.type === 'BackupJob' && random.chance(0.05),
    jobId,
    creationMs: startMs,
    utcTimes: random.chance(0.1),
    fractionDigits: random.chance(0.8) ? 7 : random.int(0, 6),
    state: 'Stopped',
    progressPercent: 0,
    usn: nextUsn(data),
    platformName,
    // Jobs run on schedule; restores and most manual operations name the user who started them.
    initiatedBy: profile.kind === 'backup' || (profile.kind === 'other' && random.chance(0.7)) ? SCHEDULER : random.pick(OPERATORS),
    held: false,
    detailSeed: random.int(1, 0x7fffffff),
  };
  const resourceId = random.guid();
  switch (profile.resource) {
    case 'backup':
      session.resource = { id: resourceId, path: `/api/v1/backups/${resourceId}` };
      break;
    case 'restorePoint':
      session.resource = { id: resourceId, path: `/api/v1/restorePoints/${resourceId}` };
      break;
    case 'vmMount':
      session.resource = { id: resourceId, path: `/api/v1/restore/instantRecovery/vSphere/vm/${resourceId}`, pathBeforeVSphere: `/api/v1/restore/instantRecovery/vmware/vm/${resourceId}` };
      break;
    case 'fcdMount':
      session.resource = { id: resourceId, path: `/api/v1/restore/instantRecovery/vSphere/fcd/${resourceId}`, pathBeforeVSphere: `/api/v1/restore/instantRecovery/vmware/fcd/${resourceId}` };
      break;
  }
  if (profile.kind === 'backup' && profile.progress) session.algorithm = random.chance(0.15) ? 'Full' : 'Increment';
  if (profile.progress) {
    const processed = random.int(1, 400) * 1024 ** 3;
    session.progress = {
      durationMs: 0,
      processingRate: random.chance(0.1) ? 'N/A' : `${random.int(20, 900)} MB`,
      bottleneck: random.pick(['Source', 'Proxy', 'Network', 'Target', 'None']),
      processedSize: processed,
      readSize: Math.floor(processed * 0.6),
      transferredSize: Math.floor(processed * 0.25),
    };
  }
  return session;
}

function startRunning(data: BackupReplicationData, random: SeededRandom, s: VbrSession, startMs: number): void {
  s.state = 'Working';
  s.endMs = undefined;
  s.result = undefined;
  s.logs = [record(1, 'Succeeded', startMs, startMs + random.int(50, 900), startTitle(s), [])];
  s.tasks = isRestoreSession(s) ? [task(data, random, s, startMs)] : [];
  advanceStep(data, random, s, startMs + 1000);
}

function task(data: BackupReplicationData, random: SeededRandom, s: VbrSession, startMs: number): VbrTaskSession {
  return { id: random.guid(), name: VMS.includes(s.name) ? s.name : random.pick(VMS), creationMs: startMs + random.int(500, 5000), state: 'Working', result: { result: 'None', message: '', isCanceled: false }, usn: nextUsn(data) };
}

function materialiseHistory(s: VbrSession): void {
  const random = new SeededRandom(s.detailSeed);
  const steps = profileOf(s).steps;
  const endMs = s.endMs ?? s.creationMs;
  const span = Math.max(steps.length + 1, endMs - s.creationMs);
  const logs = [record(1, 'Succeeded', s.creationMs, s.creationMs + random.int(50, 900), startTitle(s), [])];
  steps.forEach((step, i) => {
    const startMs = s.creationMs + Math.floor((span * (i + 1)) / (steps.length + 2));
    // Some steps (processing a VM) last until near the end, so the newest update is not the highest id.
    const updateMs = random.chance(0.3) ? endMs - random.int(0, 2000) : startMs + random.int(100, Math.max(200, Math.floor(span / (steps.length + 2))));
    const last = i === steps.length - 1;
    const status: VbrLogStatus = last && s.result?.result === 'Failed' ? 'Failed' : last && s.result?.result === 'Warning' ? 'Warning' : 'Succeeded';
    logs.push(record(i + 2, status, startMs, Math.min(updateMs, endMs), stepTitle(step, s), random.chance(0.4) ? progressInfo(random) : []));
  });
  if (s.endMs !== undefined) logs.push(finalRecord(s, logs.length + 1, s.endMs));
  s.logs = logs;
  const tasks: VbrTaskSession[] = [];
  if (isRestoreSession(s)) {
    const count = random.int(1, 3);
    for (let i = 0; i < count; i++) {
      const creationMs = s.creationMs + random.int(500, 5000);
      const own = i === 0 && s.result ? s.result : { result: 'Success' as const, message: '', isCanceled: false };
      tasks.push({ id: random.guid(), name: i === 0 && VMS.includes(s.name) ? s.name : random.pick(VMS), creationMs, endMs: s.endMs, state: 'Stopped', result: { ...own }, usn: s.usn });
    }
  }
  s.tasks = tasks;
}

/** Appends records a test dictates (hostile titles, unknown statuses) after the session's own, numbered on from them. */
export function appendLogRecords(data: BackupReplicationData, s: VbrSession, records: ReadonlyArray<Omit<VbrLogRecord, 'id' | 'startMs' | 'updateMs'>>, nowMs: number): void {
  const logs = logsOf(s);
  for (const r of records) logs.push({ ...r, info: r.info.map((i) => ({ ...i })), id: logs.length + 1, startMs: nowMs, updateMs: nowMs });
  s.usn = nextUsn(data);
}

function record(id: number, status: VbrLogStatus, startMs: number, updateMs: number, title: string, info: VbrLogRecord['info']): VbrLogRecord {
  return { id, status, startMs, updateMs, title, description: '', info };
}

function closeRecord(r: VbrLogRecord, nowMs: number, status: VbrLogStatus): void {
  r.status = status;
  r.updateMs = nowMs;
}

function finalRecord(s: VbrSession, id: number, nowMs: number): VbrLogRecord {
  const result = s.result?.result ?? 'Success';
  const status: VbrLogStatus = s.result?.isCanceled ? 'Warning' : result === 'Success' ? 'Succeeded' : result === 'None' ? 'None' : result;
  const title = s.result?.isCanceled ? 'Session has been stopped by user' : isRestoreSession(s) ? `Restore finished with ${result}` : `Job finished with ${result}`;
  return record(id, status, nowMs, nowMs, title, []);
}

function startTitle(s: VbrSession): string {
  return isRestoreSession(s) ? `Restore job started by ${s.initiatedBy}` : `${s.name} started`;
}

function stepTitle(step: string, s: VbrSession): string {
  return step.replace(/\{vm\}/g, VMS.includes(s.name) ? s.name : 'winsrv100');
}

function progressInfo(random: SeededRandom): VbrLogRecord['info'] {
  return [
    { field: 'ProcessedSize', data: `${random.int(1, 120)} GB` },
    { field: 'ProcessingRate', data: `${random.int(20, 900)} MB/s` },
  ];
}

function profileOf(s: VbrSession): TypeProfile {
  return [...PROFILES, PER_VM_MOVE].find((p) => p.type === s.type) ?? { type: s.type, weight: 0, kind: 'other', platforms: [], names: [], steps: SHORT_STEPS };
}
