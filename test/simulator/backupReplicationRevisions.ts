/** Revisions of the Backup & Replication REST API v1 (Part E §1), oldest first. */
export const VBR_REVISIONS = ['1.0-rev1', '1.0-rev2', '1.1-rev0', '1.1-rev1', '1.1-rev2', '1.2-rev0', '1.2-rev1', '1.3-rev0', '1.3-rev1', '1.3-rev2'] as const;
export type VbrRevision = (typeof VBR_REVISIONS)[number];

export const LATEST_VBR_REVISION: VbrRevision = '1.3-rev2';

export function isVbrRevision(text: string): text is VbrRevision {
  return (VBR_REVISIONS as readonly string[]).includes(text);
}

/** True when `revision` is `since` or newer. */
export function atLeast(revision: VbrRevision, since: VbrRevision): boolean {
  return VBR_REVISIONS.indexOf(revision) >= VBR_REVISIONS.indexOf(since);
}

/**
 * What a server of revision `own` answers. The 1.3-rev2 document marks 1.0-rev1 and 1.0-rev2 "Unsupported"; when
 * they stopped working is not known — the simulator's choice: servers of VBR 13 (1.3-rev0 and newer) refuse them,
 * older servers answer every revision up to their own.
 */
export function supportedRevisions(own: VbrRevision): VbrRevision[] {
  const upToOwn = VBR_REVISIONS.slice(0, VBR_REVISIONS.indexOf(own) + 1);
  return atLeast(own, '1.3-rev0') ? upToOwn.filter((r) => !r.startsWith('1.0-')) : upToOwn;
}

/**
 * Features by the revision the simulator gives them. Revisions with no published document (1.0-rev1/2, 1.1-rev1/2,
 * 1.2-rev0) get what the nearest older document has, except where a changelog or field report says otherwise.
 */
export const VBR_FEATURES = {
  /** `jobId` replaces `activityId`, `BackupJob` replaces `Job`, `platformName`/`platformId` appear. */
  jobId: '1.2-rev1',
  /** Task sessions: a 1.2-rev0 Swagger UI already lists them (field report F4). */
  taskSessions: '1.2-rev0',
  /** skip/limit on a session's task sessions. */
  taskSessionPaging: '1.3-rev1',
  /** Repeated typeFilter/resultFilter keys, `InitiatedBy` order column, `initiatedBy`, log `statusFilter`, default limit 200. */
  arrayFilters: '1.3-rev0',
  /** Absent values are omitted instead of sent as null. */
  omitAbsent: '1.3-rev1',
  /** `progress`, `algorithm`, `originalSessionId`, `retryInfo`; log `additionalInfo` as an array; `ActionRequired`. */
  progressObject: '1.3-rev2',
  /** The grant-type enum is capitalised in the document (`Password`, `Refresh_token`). */
  capitalisedGrantTypes: '1.3-rev1',
  /** Restore paths say `vSphere` instead of `vmware` (breaking change of 1.1-rev1). */
  vSpherePaths: '1.1-rev1',
} as const satisfies Record<string, VbrRevision>;
