import { atLeast, type VbrRevision } from './backupReplicationRevisions';

/**
 * `ESessionType` by revision (Part E §5.2). The 12 values of 1.1-rev0 are given to 1.0-rev1/1.0-rev2 too (no document);
 * the values the 1.1-rev1 changelog names (FileLevelRestore … CloudDirectorVAppRestore) start at 1.1-rev1; the other
 * values first seen in the 1.2-rev1 document start there. `Job` ends where `BackupJob` starts (simulator's choice).
 */
const SINCE: ReadonlyArray<readonly [VbrRevision, readonly string[]]> = [
  ['1.0-rev1', ['Infrastructure', 'Automation', 'ConfigurationBackup', 'RepositoryMaintenance', 'RepositoryEvacuate', 'InfrastructureItemDeletion', 'RestoreVm', 'InstantRecovery', 'FirstClassDiskInstantRestore', 'AzureApplianceDeploy', 'QuickMigration']],
  ['1.1-rev1', ['FileLevelRestore', 'LinuxFileLevelRestore', 'ReplicaJob', 'ConfigurationResynchronize', 'Failover', 'PlannedFailover', 'PermanentFailover', 'UndoFailover', 'Failback', 'CommitFailback', 'UndoFailback', 'SwitchReplicaToProduction', 'CloudDirectorVmRestore', 'CloudDirectorVAppRestore']],
  ['1.2-rev1', ['BackupJob', 'PublishBackupContentViaMount', 'MalwareDetection', 'FirstClassDiskQuickMigration', 'EntraIdRestore', 'SecurityComplianceAnalyzer', 'FileServerSave', 'SureBackup', 'NasRestore', 'DeleteBackup', 'BackgroundOperation', 'UnstructuredDataBrowse', 'UnstructuredDownloadMeta', 'EntraIdRescanRepository']],
  ['1.3-rev0', ['EntraIdRestoreFromCopy', 'UnstructuredDataBackupCopy', 'LogsExport', 'TestCredentials', 'SqlLogBackup', 'OracleLogBackup', 'PostgreSqlLogBackup', 'AzureInstantRecovery', 'AzureInstantRecoveryMigration', 'AzureInstantRecoverySwitchover', 'AzureInstantRecoveryStart', 'AzureInstantRecoveryStop', 'AzureInstantRecoveryMigrationUndo', 'AzureInstantRecoveryMount', 'PublishBackupContentViaNfs', 'VolumesDiscover', 'AgentDiscovery', 'AgentPolicy', 'AgentBackup', 'ApplianceUpdatesInstall', 'FailoverPlan', 'FailoverPlanTask', 'HostComponentsUpdate', 'CopyBackup', 'FileBackupHealthCheck', 'ArchiveBackup', 'ArchiveRehydration', 'ArchiveSync', 'ArchiveCopy', 'ArchiveFreezing', 'RetrieveBackup', 'ArchiveTierDownload', 'DirectBackupSync', 'CheckpointRemoval', 'Retention']],
  ['1.3-rev1', ['FileInstantRecovery', 'FileInstantRecoveryMigration', 'AgentOperationPurgeCache', 'BackupCopyJob', 'SureBackupContentScan']],
  ['1.3-rev2', ['IrisBackup', 'PlatformServiceJob', 'PlatformBackupJob', 'PlatformSnapshotJob', 'PlatformSnapshotCopyJob', 'AgentOperationBackupNow', 'AgentOperationActiveFull', 'AgentManagement', 'BackupCopyJobParent', 'ApplicationLevelRestore', 'EncryptionAnalysis', 'VeeamUpdaterSettingsSync', 'EndpointBackup', 'StorageDiscovery', 'StorageMonitoring', 'AdForestRestore', 'AgentsRecoveryAppliancesManagement', 'RestoreRecoveryApplianceVolumes', 'RestoreAgentVolumes', 'EndpointRestore', 'EpAgentOperationStopBackup', 'BackupCacheSync', 'PerVmMoveBackup', 'PerVmCopyBackup', 'FileBackupArchiveRetrievalProlonging', 'HaSwitchover', 'IndexCollection', 'InstantDiskRecovery', 'DiskRestore', 'HaClusterEdit']],
];

const SINCE_BY_TYPE = new Map<string, VbrRevision>(SINCE.flatMap(([since, types]) => types.map((t) => [t, since] as const)));

/** `Job` is the 1.1-rev0 name of `BackupJob`; the enum loses it when `BackupJob` arrives. */
const LEGACY_JOB = 'Job';

/** Whether `type` is a value of the `ESessionType` enum of `revision` (what typeFilter accepts there). */
export function isSessionTypeOf(type: string, revision: VbrRevision): boolean {
  if (type === LEGACY_JOB) return !atLeast(revision, '1.2-rev1');
  const since = SINCE_BY_TYPE.get(type);
  return since !== undefined && atLeast(revision, since);
}

/** The stored type a typeFilter value stands for (`Job` → `BackupJob`). */
export function storedTypeOf(filterValue: string): string {
  return filterValue === LEGACY_JOB ? 'BackupJob' : filterValue;
}

/** Whether a session of stored type `type` exists for a request of `revision` (BackupJob shows as Job before 1.2-rev1). */
export function sessionTypeVisibleAt(type: string, revision: VbrRevision): boolean {
  return type === 'BackupJob' || isSessionTypeOf(type, revision);
}

/** Restore (R) and restore-adjacent (r) types of Part E §5.2, for the data mix and for tests. */
export const RESTORE_TYPES: ReadonlySet<string> = new Set([
  'RestoreVm', 'InstantRecovery', 'FirstClassDiskInstantRestore', 'FileLevelRestore', 'LinuxFileLevelRestore', 'CloudDirectorVmRestore', 'CloudDirectorVAppRestore',
  'EntraIdRestore', 'NasRestore', 'EntraIdRestoreFromCopy', 'AzureInstantRecovery', 'FileInstantRecovery', 'ApplicationLevelRestore', 'AdForestRestore',
  'RestoreRecoveryApplianceVolumes', 'RestoreAgentVolumes', 'EndpointRestore', 'InstantDiskRecovery', 'DiskRestore',
]);
export const RESTORE_ADJACENT_TYPES: ReadonlySet<string> = new Set([
  'QuickMigration', 'PublishBackupContentViaMount', 'FirstClassDiskQuickMigration', 'SureBackup', 'UnstructuredDataBrowse', 'AzureInstantRecoveryMigration',
  'AzureInstantRecoverySwitchover', 'AzureInstantRecoveryStart', 'AzureInstantRecoveryStop', 'AzureInstantRecoveryMigrationUndo', 'AzureInstantRecoveryMount',
  'PublishBackupContentViaNfs', 'ArchiveRehydration', 'RetrieveBackup', 'ArchiveTierDownload', 'FileInstantRecoveryMigration', 'SureBackupContentScan',
  'FileBackupArchiveRetrievalProlonging',
]);

/** `ESessionState`; `ActionRequired` only in 1.3-rev2. */
export function isSessionStateOf(state: string, revision: VbrRevision): boolean {
  if (state === 'ActionRequired') return atLeast(revision, '1.3-rev2');
  return ['Stopped', 'Starting', 'Stopping', 'Working', 'Pausing', 'Resuming', 'WaitingTape', 'Idle', 'Postprocessing', 'WaitingRepository', 'WaitingSlot'].includes(state);
}

export const SESSION_RESULTS: readonly string[] = ['None', 'Success', 'Warning', 'Failed'];
export const LOG_RECORD_STATUSES: readonly string[] = ['None', 'Succeeded', 'Warning', 'Failed'];

/** `ESessionsFiltersOrderColumn`; `InitiatedBy` from 1.3-rev0. */
export function isOrderColumnOf(column: string, revision: VbrRevision): boolean {
  if (column === 'InitiatedBy') return atLeast(revision, '1.3-rev0');
  return ['Name', 'SessionType', 'CreationTime', 'EndTime', 'State', 'Result'].includes(column);
}
