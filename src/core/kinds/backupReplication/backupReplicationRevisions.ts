/**
 * Backup & Replication REST API revisions (veeam-api-vbr.md §1), oldest first, with the release that brought each.
 * Revisions travel in the `x-api-version` header; a server answers every revision it still supports.
 */
export const BACKUP_REPLICATION_REVISIONS: ReadonlyArray<{ readonly revision: string; readonly release: string }> = [
  { revision: '1.0-rev1', release: 'Backup & Replication 11' },
  { revision: '1.0-rev2', release: 'Backup & Replication 11a' },
  { revision: '1.1-rev0', release: 'Backup & Replication 12' },
  { revision: '1.1-rev1', release: 'Backup & Replication 12.1' },
  { revision: '1.1-rev2', release: 'Backup & Replication 12.2' },
  { revision: '1.2-rev0', release: 'Backup & Replication 12.3' },
  { revision: '1.2-rev1', release: 'Backup & Replication 12.3.1' },
  { revision: '1.3-rev0', release: 'Backup & Replication 13' },
  { revision: '1.3-rev1', release: 'Backup & Replication 13.0.1' },
  { revision: '1.3-rev2', release: 'Backup & Replication 13.1' },
];

export const LATEST_REVISION = '1.3-rev2';

const REVISION = /^v?(\d+)\.(\d+)-rev(\d+)$/i;

/** Comparable form of `1.3-rev2` (also `v1.3-rev2`, as one server's error message lists them); undefined otherwise. */
export function revisionRank(text: string): number | undefined {
  const m = REVISION.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 10_000 + Number(m[2]) * 100 + Number(m[3]);
}

/** `text` in the header's own spelling (`1.3-rev2`), or undefined when it is not a revision. */
export function normaliseRevision(text: string): string | undefined {
  const m = REVISION.exec(text.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}-rev${Number(m[3])}` : undefined;
}

/** Whether `revision` is at least `since` (features by revision: array filters from 1.3-rev0, task sessions…). */
export function revisionAtLeast(revision: string, since: string): boolean {
  return (revisionRank(revision) ?? 0) >= (revisionRank(since) ?? Number.MAX_SAFE_INTEGER);
}

/**
 * The revision to try after `rejected` was refused: the newest the server listed that is older than `rejected`
 * (a VBR 11 names them in its message), else the next older known one; undefined when none is left.
 */
export function fallbackRevision(rejected: string, serverMessage: string | undefined): string | undefined {
  const rejectedRank = revisionRank(rejected) ?? Number.MAX_SAFE_INTEGER;
  const listed = [...(serverMessage ?? '').matchAll(/v?\d+\.\d+-rev\d+/gi)]
    .map((m) => normaliseRevision(m[0]))
    .filter((r): r is string => r !== undefined && (revisionRank(r) ?? 0) < rejectedRank)
    .sort((a, b) => (revisionRank(b) ?? 0) - (revisionRank(a) ?? 0));
  if (listed.length > 0) return listed[0];
  const older = BACKUP_REPLICATION_REVISIONS.filter((r) => (revisionRank(r.revision) ?? 0) < rejectedRank);
  return older.length > 0 ? older[older.length - 1].revision : undefined;
}
