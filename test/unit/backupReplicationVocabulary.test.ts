import * as assert from 'assert';
import {
  backupReplicationPlatform,
  backupReplicationResult,
  backupReplicationState,
  RESTORE_ADJACENT_SESSION_TYPES,
  RESTORE_SESSION_TYPES,
  SESSION_TYPE_INFO,
  sessionTypeClass,
  sessionTypeInfo,
  sessionTypeLabel,
} from '../../src/core/kinds/backupReplication/vocabulary';

describe('Backup & Replication vocabulary', () => {
  it('lists the 109 session types of 1.3-rev2 plus 1.1-rev0\'s "Job", each once', () => {
    const types = SESSION_TYPE_INFO.map((t) => t.type);
    assert.strictEqual(new Set(types.map((t) => t.toLowerCase())).size, types.length);
    assert.strictEqual(types.filter((t) => t !== 'Job').length, 109);
  });

  it('classifies restore (R), restore-adjacent (r), failover (D) and other types as the reference marks them', () => {
    assert.deepStrictEqual(
      ['RestoreVm', 'InstantRecovery', 'FileLevelRestore', 'EntraIdRestore', 'QuickMigration', 'SureBackup', 'Failover', 'FailoverPlan', 'BackupJob', 'Job', 'LogsExport'].map(sessionTypeClass),
      ['restore', 'restore', 'restore', 'restore', 'restoreAdjacent', 'restoreAdjacent', 'disasterRecovery', 'disasterRecovery', 'other', 'other', 'other'],
    );
    // Counted by hand from the bold R and r marks of the reference (§5.2).
    assert.strictEqual(RESTORE_SESSION_TYPES.length, 19);
    assert.strictEqual(RESTORE_ADJACENT_SESSION_TYPES.length, 18);
    for (const t of ['RestoreVm', 'InstantRecovery', 'FirstClassDiskInstantRestore', 'CloudDirectorVAppRestore', 'NasRestore', 'AzureInstantRecovery', 'FileInstantRecovery', 'ApplicationLevelRestore', 'DiskRestore']) assert.ok(RESTORE_SESSION_TYPES.includes(t), t);
    for (const t of ['QuickMigration', 'PublishBackupContentViaMount', 'AzureInstantRecoveryMount', 'ArchiveRehydration', 'RetrieveBackup', 'SureBackupContentScan', 'FileBackupArchiveRetrievalProlonging']) assert.ok(RESTORE_ADJACENT_SESSION_TYPES.includes(t), t);
    assert.ok(!RESTORE_SESSION_TYPES.includes('QuickMigration') && !RESTORE_SESSION_TYPES.includes('Failover') && !RESTORE_SESSION_TYPES.includes('BackupJob'));
  });

  it('labels restore types for people and keeps other and unknown types as sent', () => {
    assert.strictEqual(sessionTypeLabel('RestoreVm'), 'VM restore');
    assert.strictEqual(sessionTypeLabel('InstantRecovery'), 'Instant Recovery');
    assert.strictEqual(sessionTypeLabel('FileLevelRestore'), 'File-level restore');
    assert.strictEqual(sessionTypeLabel('EntraIdRestore'), 'Entra ID restore');
    assert.strictEqual(sessionTypeLabel('restorevm'), 'VM restore', 'enum words compared case-insensitively');
    assert.strictEqual(sessionTypeLabel('BackupJob'), 'BackupJob');
    assert.strictEqual(sessionTypeLabel('QuantumRestore'), 'QuantumRestore');
    assert.strictEqual(sessionTypeClass('QuantumRestore'), 'other', 'an unknown type is never guessed from its spelling');
    assert.strictEqual(sessionTypeLabel(''), 'Unknown');
    for (const hostile of ['__proto__', 'constructor', 'toString']) {
      assert.strictEqual(sessionTypeInfo(hostile), undefined);
      assert.strictEqual(sessionTypeLabel(hostile), hostile);
    }
  });

  it('records the first revision read that lists each type', () => {
    assert.strictEqual(sessionTypeInfo('Job')?.firstSeenIn, '1.1-rev0');
    assert.strictEqual(sessionTypeInfo('FileLevelRestore')?.firstSeenIn, '1.2-rev1');
    assert.strictEqual(sessionTypeInfo('AzureInstantRecovery')?.firstSeenIn, '1.3-rev0');
    assert.strictEqual(sessionTypeInfo('FileInstantRecovery')?.firstSeenIn, '1.3-rev1');
    assert.strictEqual(sessionTypeInfo('DiskRestore')?.firstSeenIn, '1.3-rev2');
  });

  it('treats only Stopped as finished, the documented busy states as running, anything else as unknown', () => {
    assert.strictEqual(backupReplicationState('Stopped'), 'finished');
    assert.strictEqual(backupReplicationState('Stopping'), 'stopping');
    for (const s of ['Starting', 'Working', 'Pausing', 'Resuming', 'WaitingTape', 'Idle', 'Postprocessing', 'WaitingRepository', 'WaitingSlot', 'ActionRequired', 'working']) {
      assert.strictEqual(backupReplicationState(s), 'running', s);
    }
    for (const s of ['Finished', 'Running', 'Mounted', 'Hibernating', '', undefined]) assert.strictEqual(backupReplicationState(s), 'unknown', String(s));
  });

  it('reads a result only once the session stopped, and a Stopped session without a result word as unknown', () => {
    assert.strictEqual(backupReplicationResult('None', 'running'), 'pending');
    assert.strictEqual(backupReplicationResult(undefined, 'running'), 'pending');
    assert.strictEqual(backupReplicationResult('Failed', 'stopping'), 'pending');
    assert.strictEqual(backupReplicationResult('Success', 'finished'), 'success');
    assert.strictEqual(backupReplicationResult('Warning', 'finished'), 'warning');
    assert.strictEqual(backupReplicationResult('Failed', 'finished'), 'failed');
    assert.strictEqual(backupReplicationResult('None', 'finished'), 'unknown');
    assert.strictEqual(backupReplicationResult(undefined, 'finished'), 'unknown');
    assert.strictEqual(backupReplicationResult('Succeeded', 'finished'), 'unknown');
    assert.strictEqual(backupReplicationResult('Success', 'unknown'), 'unknown');
  });

  it('labels platforms, keeps an unknown one as sent and an absent one as unknown', () => {
    const cases: Array<[string | undefined, string]> = [
      ['VMware', 'vSphere'],
      ['HyperV', 'Hyper-V'],
      ['CloudDirector', 'Cloud Director'],
      ['Vcd', 'Cloud Director'],
      ['WindowsPhysical', 'Windows'],
      ['LinuxPhysical', 'Linux'],
      ['EntraID', 'Entra ID'],
      ['Kubernetes', 'Kubernetes'],
      ['__proto__', '__proto__'],
      ['', 'unknown'],
      [undefined, 'unknown'],
    ];
    for (const [raw, label] of cases) assert.strictEqual(backupReplicationPlatform(raw), label, String(raw));
  });
});
