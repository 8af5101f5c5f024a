import type { EmBackupServer, EmRestoreSession, EmVmRestorePoint } from './enterpriseManagerData';

/** Representation-neutral EM documents; the XML and JSON renderers turn them into bytes. */
export interface EmLink {
  rel: string;
  href: string;
  type?: string;
  name?: string;
}

export type EmDataValue = string | number | null;

/** A resource in its entity representation (A.3.1). */
export interface EmEntityView {
  element: string;
  type: string;
  href: string;
  name?: string;
  uid?: string;
  /** Own attributes after `UID` (e.g. `VmDisplayName`). */
  extraAttributes: Array<[string, string]>;
  links: EmLink[];
  /** Child elements in XSD order; null is omitted in XML and written as null in JSON. */
  data: Array<[string, EmDataValue]>;
}

/** A resource in its reference representation (`EntityRef` / `Ref`). */
export interface EmRefView {
  type: string;
  href: string;
  name: string;
  uid: string;
  links: EmLink[];
}

export interface EmPagingView {
  pageNum: number;
  pageSize: number;
  pagesCount: number;
  links: EmLink[];
}

export type EmDocument =
  | { kind: 'entity'; entity: EmEntityView }
  | { kind: 'ref'; ref: EmRefView }
  | { kind: 'refList'; refs: EmRefView[] }
  | { kind: 'entityList'; listElement: string; entities: EmEntityView[] }
  | { kind: 'queryRefs'; refs: EmRefView[]; paging: EmPagingView }
  | { kind: 'queryEntities'; listElement: string; entities: EmEntityView[]; paging: EmPagingView }
  | { kind: 'enterpriseManager'; links: EmLink[]; versions: Array<{ name: string; links: EmLink[] }> }
  | { kind: 'error'; status: number; message: string };

export const SUPPORTED_VERSIONS = ['v1_5', 'v1_6', 'v1_7'] as const;

/** Top-level collections a real LogonSession links to (one `Down` per collection, plus entity variants). */
const COLLECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['backupServers', 'BackupServer'],
  ['managedServers', 'ManagedServer'],
  ['jobs', 'Job'],
  ['agentJobs', 'AgentJob'],
  ['backupSessions', 'BackupJobSession'],
  ['replicaSessions', 'ReplicaJobSession'],
  ['backupTaskSessions', 'BackupTaskSession'],
  ['replicaTaskSessions', 'ReplicaTaskSession'],
  ['agentBackupSessions', 'AgentBackupJobSession'],
  ['restoreSessions', 'RestoreSession'],
  ['repositories', 'Repository'],
  ['backups', 'Backup'],
  ['agentBackups', 'AgentBackup'],
  ['restorePoints', 'RestorePoint'],
  ['vmRestorePoints', 'VmRestorePoint'],
  ['replicas', 'Replica'],
  ['replicaRestorePoints', 'ReplicaRestorePoint'],
  ['vmReplicaPoints', 'VmReplicaPoint'],
  ['cloudTenants', 'CloudTenant'],
  ['cloudHardwarePlans', 'CloudHardwarePlan'],
  ['cloudGateways', 'CloudGateway'],
  ['catalog/vms', 'CatalogVm'],
  ['catalog/files', 'CatalogFile'],
  ['fileServers', 'FileServer'],
  ['nasJobs', 'NasJob'],
];

export function restoreSessionRef(origin: string, s: EmRestoreSession): EmRefView {
  const href = `${origin}/api/restoreSessions/${s.id}`;
  return {
    type: 'RestoreSessionReference',
    href,
    name: s.name,
    uid: `urn:veeam:RestoreSession:${s.id}`,
    links: [
      { rel: 'Up', href: `${origin}/api/backupServers/${s.backupServer.id}`, name: s.backupServer.name, type: 'BackupServerReference' },
      { rel: 'Alternate', href: `${href}?format=Entity`, name: s.name, type: 'RestoreSession' },
    ],
  };
}

export function restoreSessionEntity(origin: string, s: EmRestoreSession): EmEntityView {
  const href = `${origin}/api/restoreSessions/${s.id}`;
  const links: EmLink[] = [
    { rel: 'Up', href: `${origin}/api/backupServers/${s.backupServer.id}`, name: s.backupServer.name, type: 'BackupServerReference' },
    { rel: 'Alternate', href, name: s.name, type: 'RestoreSessionReference' },
  ];
  if (s.restorePoint) {
    links.push({ rel: 'Related', href: `${origin}/api/vmRestorePoints/${s.restorePoint.id}`, name: s.restorePoint.name, type: 'VmRestorePointReference' });
  }
  for (const extra of s.extraLinkHrefs ?? []) links.push({ rel: 'Related', href: extra, name: s.name, type: 'VmRestorePointReference' });
  return {
    element: 'RestoreSession',
    type: 'RestoreSession',
    href: `${href}?format=Entity`,
    name: s.name,
    uid: `urn:veeam:RestoreSession:${s.id}`,
    extraAttributes: [['VmDisplayName', s.vmDisplayName]],
    links,
    data: [
      ['JobType', s.jobType],
      ['CreationTimeUTC', s.creation.text],
      ['EndTimeUTC', s.end?.text ?? null],
      // '' = a test asked for a session without a State element.
      ['State', s.state === '' ? null : s.state],
      ['Result', s.result],
      ['Progress', s.progress ?? null],
      ['RestoredObjRef', s.restoredObjRef ?? null],
    ],
  };
}

export function backupServerRef(origin: string, b: EmBackupServer): EmRefView {
  const href = `${origin}/api/backupServers/${b.id}`;
  return {
    type: 'BackupServerReference',
    href,
    name: b.name,
    uid: `urn:veeam:BackupServer:${b.id}`,
    links: [{ rel: 'Alternate', href: `${href}?format=Entity`, name: b.name, type: 'BackupServer' }],
  };
}

export function backupServerEntity(origin: string, b: EmBackupServer): EmEntityView {
  const href = `${origin}/api/backupServers/${b.id}`;
  return {
    element: 'BackupServer',
    type: 'BackupServer',
    href: `${href}?format=Entity`,
    name: b.name,
    uid: `urn:veeam:BackupServer:${b.id}`,
    extraAttributes: [],
    links: [
      { rel: 'Alternate', href, name: b.name, type: 'BackupServerReference' },
      { rel: 'Down', href: `${href}/jobs`, name: b.name, type: 'JobReferenceList' },
      { rel: 'Down', href: `${href}/repositories`, name: b.name, type: 'RepositoryReferenceList' },
      { rel: 'Down', href: `${href}/backups`, name: b.name, type: 'BackupReferenceList' },
      { rel: 'Sync', href: `${href}?action=sync` },
    ],
    data: [
      ['Description', b.description],
      ['Port', b.port],
      ['Version', b.version],
    ],
  };
}

export function vmRestorePointRef(origin: string, p: EmVmRestorePoint): EmRefView {
  const href = `${origin}/api/vmRestorePoints/${p.id}`;
  return {
    type: 'VmRestorePointReference',
    href,
    name: p.name,
    uid: `urn:veeam:VmRestorePoint:${p.id}`,
    links: [{ rel: 'Alternate', href: `${href}?format=Entity`, name: p.name, type: 'VmRestorePoint' }],
  };
}

export function vmRestorePointEntity(origin: string, p: EmVmRestorePoint): EmEntityView {
  const href = `${origin}/api/vmRestorePoints/${p.id}`;
  return {
    element: 'VmRestorePoint',
    type: 'VmRestorePoint',
    href: `${href}?format=Entity`,
    name: p.name,
    uid: `urn:veeam:VmRestorePoint:${p.id}`,
    extraAttributes: [['VmDisplayName', p.vmName]],
    links: [
      { rel: 'Alternate', href, name: p.name, type: 'VmRestorePointReference' },
      { rel: 'Restore', href: `${href}?action=restore` },
      { rel: 'Down', href: `${href}/mounts`, type: 'VmRestorePointMountList' },
    ],
    data: [
      ['CreationTimeUTC', p.creation.text],
      ['VmName', p.vmName],
      ['Algorithm', p.algorithm],
      ['PointType', p.pointType],
      ['HierarchyObjRef', p.hierarchyObjRef],
    ],
  };
}

export function logonSessionEntity(origin: string, sessionId: string, userName: string): EmEntityView {
  const href = `${origin}/api/logonSessions/${sessionId}`;
  const links: EmLink[] = [{ rel: 'Up', href: `${origin}/api/`, type: 'EnterpriseManager' }];
  for (const [path, type] of COLLECTIONS) {
    links.push({ rel: 'Down', href: `${origin}/api/${path}`, type: `${type}ReferenceList` });
    links.push({ rel: 'Down', href: `${origin}/api/${path}?format=Entity`, type: `${type}List` });
  }
  links.push({ rel: 'Down', href: `${origin}/api/querySvc`, type: 'QueryService' });
  links.push({ rel: 'Down', href: `${origin}/api/logonSessions`, type: 'LogonSessionList' });
  links.push({ rel: 'Delete', href });
  return {
    element: 'LogonSession',
    type: 'LogonSession',
    href,
    extraAttributes: [],
    links,
    data: [
      ['UserName', userName],
      ['SessionId', sessionId],
    ],
  };
}

export function querySvcEntity(origin: string): EmEntityView {
  const query = (type: string, list: string): EmLink => ({
    rel: 'Down',
    href: `${origin}/api/query?type=${type}&format=Entities&sortAsc=name&pageSize=15&page=1`,
    type: list,
  });
  return {
    element: 'QuerySvc',
    type: 'QueryService',
    href: `${origin}/api/querySvc`,
    extraAttributes: [],
    links: [
      { rel: 'Up', href: `${origin}/api/logonSessions`, type: 'LogonSession' },
      query('RestoreSession', 'RestoreSessionList'),
      query('BackupServer', 'BackupServerList'),
      query('VmRestorePoint', 'VmRestorePointList'),
      { rel: 'Down', href: `${origin}/api/querySvc/types`, type: 'QueryTypeList' },
    ],
    data: [],
  };
}

export function enterpriseManagerDocument(origin: string): EmDocument {
  return {
    kind: 'enterpriseManager',
    links: [
      { rel: 'Down', href: `${origin}/api/logonSessions`, type: 'LogonSessionList' },
      { rel: 'Create', href: `${origin}/api/sessionMngr/?v=latest`, type: 'LogonSession' },
    ],
    versions: SUPPORTED_VERSIONS.map((name) => ({
      name,
      links: [{ rel: 'Create', href: `${origin}/api/sessionMngr/?v=${name}`, type: 'LogonSession' }],
    })),
  };
}
