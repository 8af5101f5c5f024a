import type { SeededRandom } from './seededRandom';
import { finishedEndMs, nameStamp, timestamp, type SimTimestamp } from './simulatedTime';

export type EmPlatform = 'VMware' | 'HyperV' | 'vCloud';
export type EmJobType = 'RestoreVm' | 'FileLevelRestore';
/**
 * The documented states, and `Postprocessing`: a word this simulator plays a newer server with (the client does not
 * know it), between Working and Stopped on a few sessions. A test may also force any other word, or none (`''`).
 */
export type EmState = 'Starting' | 'Working' | 'Stopping' | 'Stopped' | 'Postprocessing' | (string & {});
export type EmResult = 'None' | 'Success' | 'Warning' | 'Failed';

export interface EmBackupServer {
  id: string;
  name: string;
  description: string;
  port: number;
  version: string;
}

export interface EmVmRestorePoint {
  id: string;
  /** `vm@yyyy-MM-dd HH:mm:ss` of the point. */
  name: string;
  vmName: string;
  creation: SimTimestamp;
  algorithm: 'Full' | 'Incremental';
  pointType: 'Full' | 'Increment';
  /** `urn:VMware:Vm:<vc>.vm-N`, tells the platform. */
  hierarchyObjRef: string;
  backupServerId: string;
}

export interface EmRestoreSession {
  id: string;
  name: string;
  vmDisplayName: string;
  jobType: EmJobType;
  creation: SimTimestamp;
  end?: SimTimestamp;
  /** `''` = the State element is left out (forced by a test). */
  state: EmState;
  /** A test forced the state: the progression leaves the session alone until a test ends it. */
  stateHeld?: boolean;
  result: EmResult;
  /** Absent on some finished sessions, as in some documented examples. */
  progress?: number;
  restoredObjRef?: string;
  backupServer: EmBackupServer;
  restorePoint?: EmVmRestorePoint;
  /** Links a test asked for on top of the usual ones (hostile hrefs for webview safety tests). */
  extraLinkHrefs?: string[];
}

export interface EnterpriseManagerData {
  backupServers: EmBackupServer[];
  /** Server order: grouped by backup server, oldest first within each (not globally sorted, like real EM). */
  sessions: EmRestoreSession[];
  sessionsById: Map<string, EmRestoreSession>;
  /** Bumped on every change to a session, so serialized lists can be cached until the data moves. */
  revision: number;
  restorePointsById: Map<string, EmVmRestorePoint>;
}

interface VmInventoryItem {
  name: string;
  platform: EmPlatform;
  objRef: string;
}

const SERVER_NAMES = ['vbr-east.simlab.test', 'vbr-west.simlab.test', 'vbr-cloud.simlab.test', 'vbr-branch.simlab.test'];
const PRIMARY_PLATFORM: readonly EmPlatform[] = ['VMware', 'HyperV', 'vCloud', 'VMware'];
const VM_STEMS = ['web-frontend', 'sql', 'files', 'dc', 'exchange', 'app', 'erp', 'jump', 'build', 'print', 'crm', 'wiki'];
/** Names that exercise escaping and quoting: `&`, `<`, quotes, non-ASCII, spaces. */
const AWKWARD_VM_NAMES = ['R&D-fileserver', 'lab "blue" vm', 'büro-dc01', 'web<edge>01', "o'neil-test"];


export function generateEnterpriseManagerData(random: SeededRandom, sessionCount: number, runningCount: number, nowMs: number): EnterpriseManagerData {
  const serverCount = sessionCount >= 3 ? 3 : Math.max(1, sessionCount);
  const backupServers: EmBackupServer[] = [];
  const inventories: VmInventoryItem[][] = [];
  for (let i = 0; i < serverCount; i++) {
    backupServers.push({
      id: random.guid(),
      name: SERVER_NAMES[i],
      description: i === 0 ? 'Primary site & DR' : `Backup server ${i + 1}`,
      port: 9392,
      version: random.pick(['12.3.1.1139', '12.3.2.3617', '13.0.1.180']),
    });
    inventories.push(makeInventory(random, i));
  }

  const restorePointsById = new Map<string, EmVmRestorePoint>();
  const sessions: EmRestoreSession[] = [];
  // Finished sessions spread over the last 28 days; the running ones started within the last minutes.
  const perServer: EmRestoreSession[][] = backupServers.map(() => []);
  const finishedCount = Math.max(0, sessionCount - runningCount);
  for (let i = 0; i < sessionCount; i++) {
    const serverIndex = random.int(0, serverCount - 1);
    const running = i >= finishedCount;
    // Anchored to the whole second so the same seed gives the same sub-second digits on every run.
    const anchorMs = Math.floor(nowMs / 1000) * 1000;
    const startMs = anchorMs - (running ? random.int(20, 600) : random.int(10 * 60, 28 * 24 * 3600)) * 1000 + random.int(0, 999);
    const session = makeSession(random, backupServers[serverIndex], inventories[serverIndex], startMs, restorePointsById);
    if (running) makeRunning(session, i - finishedCount, runningCount);
    // The last of three or more running sessions is past its work, in a state the client does not know.
    if (running && runningCount >= 3 && i === sessionCount - 1) {
      session.state = 'Postprocessing';
      session.progress = 100;
    }
    else finish(random, session, finishedEndMs(startMs, random.int(30, 3 * 3600) * 1000, anchorMs), random.weighted<Exclude<EmResult, 'None'>>([['Success', 75], ['Warning', 15], ['Failed', 10]]));
    perServer[serverIndex].push(session);
  }
  for (const list of perServer) {
    list.sort((a, b) => a.creation.ms - b.creation.ms);
    sessions.push(...list);
  }
  return { backupServers, sessions, sessionsById: new Map(sessions.map((s) => [s.id, s])), revision: 0, restorePointsById };
}

/** A new running session (for addRunningSession and the initial running ones). */
export function addEnterpriseManagerSession(data: EnterpriseManagerData, random: SeededRandom, nowMs: number, name?: string): EmRestoreSession {
  const serverIndex = random.int(0, data.backupServers.length - 1);
  const session = makeSession(random, data.backupServers[serverIndex], makeInventory(random, serverIndex), nowMs, data.restorePointsById, name);
  makeRunning(session, 0, 1);
  data.sessions.push(session);
  data.sessionsById.set(session.id, session);
  data.revision++;
  return session;
}

/** Ends a session: EndTimeUTC appears, State Stopped, final Result. */
export function finish(random: SeededRandom, session: EmRestoreSession, endMs: number, result: Exclude<EmResult, 'None'>): void {
  session.end = timestamp(endMs, random.int(0, 7), random.int(0, 9999));
  session.state = 'Stopped';
  session.result = result;
  if (result === 'Success') session.progress = session.jobType === 'FileLevelRestore' && random.chance(0.2) ? 0 : 100;
  else if (result === 'Warning') session.progress = 100;
  else session.progress = random.int(3, 97);
  if (random.chance(0.03)) session.progress = undefined;
}

function makeRunning(session: EmRestoreSession, index: number, count: number): void {
  // Spread the initial running sessions over the lifecycle so every state is visible at start.
  const position = count <= 1 ? 0 : index / count;
  session.state = position === 0 ? 'Starting' : 'Working';
  session.result = 'None';
  session.progress = Math.round(position * 90);
  session.end = undefined;
}

function makeSession(
  random: SeededRandom,
  server: EmBackupServer,
  inventory: VmInventoryItem[],
  startMs: number,
  restorePoints: Map<string, EmVmRestorePoint>,
  name?: string,
): EmRestoreSession {
  const vm = random.chance(0.03) ? { ...random.pick(inventory), name: random.pick(AWKWARD_VM_NAMES) } : random.pick(inventory);
  const jobType: EmJobType = random.chance(0.7) ? 'RestoreVm' : 'FileLevelRestore';
  const creation = timestamp(startMs, random.int(0, 7), random.int(0, 9999));
  const pointMs = startMs - random.int(1, 72) * 3600 * 1000;
  const restorePoint: EmVmRestorePoint | undefined = random.chance(0.95)
    ? {
        id: random.guid(),
        name: `${vm.name}@${nameStamp(pointMs)}`,
        vmName: vm.name,
        creation: timestamp(pointMs, random.int(0, 7), random.int(0, 9999)),
        algorithm: random.chance(0.3) ? 'Full' : 'Incremental',
        pointType: random.chance(0.3) ? 'Full' : 'Increment',
        hierarchyObjRef: vm.objRef,
        backupServerId: server.id,
      }
    : undefined;
  if (restorePoint) {
    if (restorePoint.algorithm === 'Full') restorePoint.pointType = 'Full';
    restorePoints.set(restorePoint.id, restorePoint);
  }
  const stamp = nameStamp(startMs);
  return {
    id: random.guid(),
    name: name ?? (jobType === 'FileLevelRestore' ? `FLR_[${vm.name}]@${stamp}` : `${vm.name}@${stamp}`),
    vmDisplayName: vm.name,
    jobType,
    creation,
    state: 'Starting',
    result: 'None',
    progress: 0,
    // No published EM session carries RestoredObjRef: most lack it here too (the platform then comes from the Related
    // VM restore point); a few carry it, as the field is in the schema.
    restoredObjRef: random.chance(0.1) ? vm.objRef : undefined,
    backupServer: server,
    restorePoint,
  };
}

function makeInventory(random: SeededRandom, serverIndex: number): VmInventoryItem[] {
  const inventoryRandom = random.fork();
  const primary = PRIMARY_PLATFORM[serverIndex % PRIMARY_PLATFORM.length];
  const roots: Record<EmPlatform, string> = { VMware: inventoryRandom.guid(), HyperV: inventoryRandom.guid(), vCloud: inventoryRandom.guid() };
  const items: VmInventoryItem[] = [];
  for (let i = 0; i < 24; i++) {
    const platform: EmPlatform = inventoryRandom.chance(0.75) ? primary : inventoryRandom.pick(['VMware', 'HyperV', 'vCloud'] as const);
    const name = `${VM_STEMS[i % VM_STEMS.length]}${String(serverIndex + 1)}${String(Math.floor(i / VM_STEMS.length) + 1).padStart(2, '0')}`;
    items.push({ name, platform, objRef: hierarchyRef(inventoryRandom, platform, roots[platform]) });
  }
  return items;
}

function hierarchyRef(random: SeededRandom, platform: EmPlatform, root: string): string {
  switch (platform) {
    case 'VMware':
      return `urn:VMware:Vm:${root}.vm-${random.int(100, 9999)}`;
    case 'HyperV':
      return `urn:HyperV:Vm:${root}.${random.guid()}`;
    case 'vCloud':
      return `urn:vCloud:Vm:${root}.urn:vcloud:vm:${random.guid()}`;
  }
}

