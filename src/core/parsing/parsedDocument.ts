import type { RawBody, RestoreSession, RestoreSessionEvent, RestoreSessionSummary, TaskSession } from '../model/restoreSession';

/** Paging facts of a list response, normalised across both APIs. */
export interface ListPaging {
  /** 1-based page number (EM PageNum; VB365 offset/limit + 1). */
  page: number;
  pageSize: number;
  hasNext: boolean;
  pagesCount?: number;
  totalCount?: number;
  /** Href of the next page as the server gave it (EM `Next` link, VB365 `_links.next`). */
  nextHref?: string;
}

/** What a Veeam response body turned out to be. Error bodies never come back as a value: they throw. */
export type ParsedDocument =
  | { kind: 'session'; session: RestoreSession }
  /** List rows (no links, unknown fields or body). `skipped`: items dropped because they had no usable id, or repeated an id already in the list. */
  | { kind: 'list'; sessions: RestoreSessionSummary[]; paging: ListPaging | undefined; skipped: number }
  | { kind: 'events'; events: RestoreSessionEvent[]; paging: ListPaging | undefined }
  /** Backup & Replication task sessions (a `TaskSessionsResult` page, or one `TaskSessionModel` with no paging). */
  | { kind: 'taskSessions'; tasks: TaskSession[]; paging: ListPaging | undefined }
  /** EM LogonSession. */
  | { kind: 'logon'; sessionId: string; userName: string }
  /** VB365 OAuth token response. */
  | { kind: 'token'; accessToken: string; refreshToken: string | undefined; expiresInSeconds: number | undefined }
  /** Any other well-formed Veeam document (backup server, restore point, EnterpriseManager …), kept as data. */
  | { kind: 'other'; rootName: string; data: Record<string, unknown> };

export type { RawBody };
