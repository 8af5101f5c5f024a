import { lowerCaseWord } from '../../model/lowerCaseWords';
import type { Platform, SessionResult, SessionState } from '../../model/restoreSession';
import { sharedText } from '../../parsing/sharedText';

/**
 * Backup & Replication's words for sessions (shared/veeam-api-vbr.md §5): `sessionType`, `state`, `result` and
 * `platformName`. Every enum is treated as open: servers send values the documents do not list (F4), which are kept
 * raw and never guessed into a known class.
 */

/** A revision whose OpenAPI document was read; a type "first seen" in one may have arrived in an unread one before it. */
export type BackupReplicationRevision = '1.1-rev0' | '1.2-rev1' | '1.3-rev0' | '1.3-rev1' | '1.3-rev2';

/**
 * What a session type is about (§5.2 legend): a restore (R), something that goes with one (r: mount, publish,
 * migrate after a restore, archive retrieval, restore verification), replica failover/DR (D), or anything else.
 */
export type SessionTypeClass = 'restore' | 'restoreAdjacent' | 'disasterRecovery' | 'other';

export interface SessionTypeInfo {
  type: string;
  typeClass: SessionTypeClass;
  /** Human label; the type itself when there is none (DR and other types are shown as sent). */
  label: string;
  /** First revision read that lists it: "introduced in or before". */
  firstSeenIn: BackupReplicationRevision;
}

type Entry = [type: string, typeClass: SessionTypeClass, firstSeenIn: BackupReplicationRevision, label?: string];

const R: SessionTypeClass = 'restore';
const r: SessionTypeClass = 'restoreAdjacent';
const D: SessionTypeClass = 'disasterRecovery';
const O: SessionTypeClass = 'other';

// §5.2, in the document's order. Labels follow the console's wording where it has one.
const ENTRIES: readonly Entry[] = [
  ['Infrastructure', O, '1.1-rev0'],
  ['Job', O, '1.1-rev0'],
  ['Automation', O, '1.1-rev0'],
  ['ConfigurationBackup', O, '1.1-rev0'],
  ['RepositoryMaintenance', O, '1.1-rev0'],
  ['RepositoryEvacuate', O, '1.1-rev0'],
  ['InfrastructureItemDeletion', O, '1.1-rev0'],
  ['RestoreVm', R, '1.1-rev0', 'VM restore'],
  ['InstantRecovery', R, '1.1-rev0', 'Instant Recovery'],
  ['FirstClassDiskInstantRestore', R, '1.1-rev0', 'FCD Instant Recovery'],
  ['AzureApplianceDeploy', O, '1.1-rev0'],
  ['QuickMigration', r, '1.1-rev0', 'Quick Migration'],

  ['BackupJob', O, '1.2-rev1'],
  ['PublishBackupContentViaMount', r, '1.2-rev1', 'Backup content published (mount)'],
  ['FileLevelRestore', R, '1.2-rev1', 'File-level restore'],
  ['LinuxFileLevelRestore', R, '1.2-rev1', 'Linux file-level restore'],
  ['ReplicaJob', O, '1.2-rev1'],
  ['ConfigurationResynchronize', O, '1.2-rev1'],
  ['Failover', D, '1.2-rev1'],
  ['PlannedFailover', D, '1.2-rev1'],
  ['PermanentFailover', D, '1.2-rev1'],
  ['UndoFailover', D, '1.2-rev1'],
  ['Failback', D, '1.2-rev1'],
  ['CommitFailback', D, '1.2-rev1'],
  ['UndoFailback', D, '1.2-rev1'],
  ['SwitchReplicaToProduction', D, '1.2-rev1'],
  ['CloudDirectorVmRestore', R, '1.2-rev1', 'Cloud Director VM restore'],
  ['CloudDirectorVAppRestore', R, '1.2-rev1', 'Cloud Director vApp restore'],
  ['MalwareDetection', O, '1.2-rev1'],
  ['FirstClassDiskQuickMigration', r, '1.2-rev1', 'FCD Quick Migration'],
  ['EntraIdRestore', R, '1.2-rev1', 'Entra ID restore'],
  ['SecurityComplianceAnalyzer', O, '1.2-rev1'],
  ['FileServerSave', O, '1.2-rev1'],
  ['SureBackup', r, '1.2-rev1', 'SureBackup'],
  ['NasRestore', R, '1.2-rev1', 'File share restore'],
  ['DeleteBackup', O, '1.2-rev1'],
  ['BackgroundOperation', O, '1.2-rev1'],
  ['UnstructuredDataBrowse', r, '1.2-rev1', 'Unstructured data browse'],
  ['UnstructuredDownloadMeta', O, '1.2-rev1'],
  ['EntraIdRescanRepository', O, '1.2-rev1'],

  ['EntraIdRestoreFromCopy', R, '1.3-rev0', 'Entra ID restore from copy'],
  ['UnstructuredDataBackupCopy', O, '1.3-rev0'],
  ['LogsExport', O, '1.3-rev0'],
  ['TestCredentials', O, '1.3-rev0'],
  ['SqlLogBackup', O, '1.3-rev0'],
  ['OracleLogBackup', O, '1.3-rev0'],
  ['PostgreSqlLogBackup', O, '1.3-rev0'],
  ['AzureInstantRecovery', R, '1.3-rev0', 'Instant Recovery to Azure'],
  ['AzureInstantRecoveryMigration', r, '1.3-rev0', 'Azure Instant Recovery migration'],
  ['AzureInstantRecoverySwitchover', r, '1.3-rev0', 'Azure Instant Recovery switchover'],
  ['AzureInstantRecoveryStart', r, '1.3-rev0', 'Azure Instant Recovery start'],
  ['AzureInstantRecoveryStop', r, '1.3-rev0', 'Azure Instant Recovery stop'],
  ['AzureInstantRecoveryMigrationUndo', r, '1.3-rev0', 'Azure Instant Recovery migration undo'],
  ['AzureInstantRecoveryMount', r, '1.3-rev0', 'Azure Instant Recovery mount'],
  ['PublishBackupContentViaNfs', r, '1.3-rev0', 'Backup content published (NFS)'],
  ['VolumesDiscover', O, '1.3-rev0'],
  ['AgentDiscovery', O, '1.3-rev0'],
  ['AgentPolicy', O, '1.3-rev0'],
  ['AgentBackup', O, '1.3-rev0'],
  ['ApplianceUpdatesInstall', O, '1.3-rev0'],
  ['FailoverPlan', D, '1.3-rev0'],
  ['FailoverPlanTask', D, '1.3-rev0'],
  ['HostComponentsUpdate', O, '1.3-rev0'],
  ['CopyBackup', O, '1.3-rev0'],
  ['FileBackupHealthCheck', O, '1.3-rev0'],
  ['ArchiveBackup', O, '1.3-rev0'],
  ['ArchiveRehydration', r, '1.3-rev0', 'Archive rehydration'],
  ['ArchiveSync', O, '1.3-rev0'],
  ['ArchiveCopy', O, '1.3-rev0'],
  ['ArchiveFreezing', O, '1.3-rev0'],
  ['RetrieveBackup', r, '1.3-rev0', 'Backup retrieval'],
  ['ArchiveTierDownload', r, '1.3-rev0', 'Archive tier download'],
  ['DirectBackupSync', O, '1.3-rev0'],
  ['CheckpointRemoval', O, '1.3-rev0'],
  ['Retention', O, '1.3-rev0'],

  ['FileInstantRecovery', R, '1.3-rev1', 'Instant file share recovery'],
  ['FileInstantRecoveryMigration', r, '1.3-rev1', 'Instant file share recovery migration'],
  ['AgentOperationPurgeCache', O, '1.3-rev1'],
  ['BackupCopyJob', O, '1.3-rev1'],
  ['SureBackupContentScan', r, '1.3-rev1', 'SureBackup content scan'],

  ['IrisBackup', O, '1.3-rev2'],
  ['PlatformServiceJob', O, '1.3-rev2'],
  ['PlatformBackupJob', O, '1.3-rev2'],
  ['PlatformSnapshotJob', O, '1.3-rev2'],
  ['PlatformSnapshotCopyJob', O, '1.3-rev2'],
  ['AgentOperationBackupNow', O, '1.3-rev2'],
  ['AgentOperationActiveFull', O, '1.3-rev2'],
  ['AgentManagement', O, '1.3-rev2'],
  ['BackupCopyJobParent', O, '1.3-rev2'],
  ['ApplicationLevelRestore', R, '1.3-rev2', 'Application item restore'],
  ['EncryptionAnalysis', O, '1.3-rev2'],
  ['VeeamUpdaterSettingsSync', O, '1.3-rev2'],
  ['EndpointBackup', O, '1.3-rev2'],
  ['StorageDiscovery', O, '1.3-rev2'],
  ['StorageMonitoring', O, '1.3-rev2'],
  ['AdForestRestore', R, '1.3-rev2', 'AD forest restore'],
  ['AgentsRecoveryAppliancesManagement', O, '1.3-rev2'],
  ['RestoreRecoveryApplianceVolumes', R, '1.3-rev2', 'Recovery appliance volume restore'],
  ['RestoreAgentVolumes', R, '1.3-rev2', 'Agent volume restore'],
  ['EndpointRestore', R, '1.3-rev2', 'Endpoint restore'],
  ['EpAgentOperationStopBackup', O, '1.3-rev2'],
  ['BackupCacheSync', O, '1.3-rev2'],
  ['PerVmMoveBackup', O, '1.3-rev2'],
  ['PerVmCopyBackup', O, '1.3-rev2'],
  ['FileBackupArchiveRetrievalProlonging', r, '1.3-rev2', 'Archive retrieval prolonged'],
  ['HaSwitchover', O, '1.3-rev2'],
  ['IndexCollection', O, '1.3-rev2'],
  ['InstantDiskRecovery', R, '1.3-rev2', 'Instant disk recovery'],
  ['DiskRestore', R, '1.3-rev2', 'Disk restore'],
  ['HaClusterEdit', O, '1.3-rev2'],
];

/** Every documented session type, keyed by its lower-case form (a Map: "__proto__" must not find Object.prototype). */
const SESSION_TYPES: ReadonlyMap<string, SessionTypeInfo> = new Map(
  ENTRIES.map(([type, typeClass, firstSeenIn, label]) => [type.toLowerCase(), Object.freeze({ type, typeClass, firstSeenIn, label: label ?? type })]),
);

/** Documented session types in the document's order. */
export const SESSION_TYPE_INFO: readonly SessionTypeInfo[] = Object.freeze([...SESSION_TYPES.values()]);

/** The restore types (R): what a "restore sessions" view shows by default, and what `typeFilter` can ask for. */
export const RESTORE_SESSION_TYPES: readonly string[] = Object.freeze(SESSION_TYPE_INFO.filter((t) => t.typeClass === 'restore').map((t) => t.type));

/** The restore-adjacent types (r): mounts, publishing, migrations after Instant Recovery, archive retrieval, SureBackup. */
export const RESTORE_ADJACENT_SESSION_TYPES: readonly string[] = Object.freeze(SESSION_TYPE_INFO.filter((t) => t.typeClass === 'restoreAdjacent').map((t) => t.type));

/** What this version knows of a session type; undefined for a type no document read lists (kept raw by the caller). */
export function sessionTypeInfo(raw: string): SessionTypeInfo | undefined {
  return SESSION_TYPES.get(lowerCaseWord(raw));
}

/** The class of a session type; an undocumented one is `other`, never guessed from its spelling. */
export function sessionTypeClass(raw: string): SessionTypeClass {
  return sessionTypeInfo(raw)?.typeClass ?? 'other';
}

/** The label a list shows: the human one for restore and restore-adjacent types, else the server's word as sent. */
export function sessionTypeLabel(raw: string): string {
  if (raw === '') return 'Unknown';
  return sessionTypeInfo(raw)?.label ?? raw;
}

// Documented states other than Stopped/Stopping (§5.3): the session is still doing something.
const RUNNING_STATES = new Set(['starting', 'working', 'pausing', 'resuming', 'waitingtape', 'idle', 'postprocessing', 'waitingrepository', 'waitingslot', 'actionrequired']);

/**
 * `state` to the lifecycle. Only `Stopped` is finished (§5.3 [infer]); the documented waiting/pausing states are
 * running (rawState keeps which one); a state no document lists is unknown, so the session stays watched.
 */
export function backupReplicationState(raw: string | undefined): SessionState {
  if (raw === undefined) return 'unknown';
  const word = lowerCaseWord(raw);
  if (word === 'stopped') return 'finished';
  if (word === 'stopping') return 'stopping';
  return RUNNING_STATES.has(word) ? 'running' : 'unknown';
}

/**
 * `result.result` to an outcome. While the session runs any result is pending (None is documented for it); a
 * Stopped session whose result is None, missing or undocumented is unknown, never read as a success.
 */
export function backupReplicationResult(raw: string | undefined, state: SessionState): SessionResult {
  if (state === 'running' || state === 'stopping') return 'pending';
  if (state === 'unknown' || raw === undefined) return 'unknown';
  switch (lowerCaseWord(raw)) {
    case 'success':
      return 'success';
    case 'warning':
      return 'warning';
    case 'failed':
      return 'failed';
    default:
      return 'unknown';
  }
}

const PLATFORMS: ReadonlyMap<string, Platform> = new Map<string, Platform>([
  ['vmware', 'vSphere'],
  ['hyperv', 'Hyper-V'],
  ['clouddirector', 'Cloud Director'],
  // 1.1-rev0's names for Cloud Director and file shares.
  ['vcd', 'Cloud Director'],
  ['nasbackup', 'File share'],
  ['windowsphysical', 'Windows'],
  ['linuxphysical', 'Linux'],
  ['linuxphysicalppc', 'Linux on Power'],
  ['tape', 'Tape'],
  ['customplatform', 'Custom platform'],
  ['entraid', 'Entra ID'],
  ['unstructureddata', 'Unstructured data'],
  ['test', 'Test'],
  ['mongodb', 'MongoDB'],
  ['awsec2', 'AWS EC2'],
  ['azurecompute', 'Azure'],
  ['gce', 'Google Cloud'],
  ['iris', 'InterSystems IRIS'],
  ['nutanix', 'Nutanix AHV'],
  ['proxmox', 'Proxmox VE'],
  ['applicationbackuprepository', 'Application backup repository'],
]);

/** `platformName` as a label: documented names mapped, any other kept as sent, absent or empty → unknown. */
export function backupReplicationPlatform(raw: string | undefined): Platform {
  if (raw === undefined || raw.trim() === '') return 'unknown';
  return PLATFORMS.get(lowerCaseWord(raw)) ?? sharedText(raw);
}
