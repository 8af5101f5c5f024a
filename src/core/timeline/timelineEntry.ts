import type { SessionResult, SessionState } from '../model/restoreSession';

/**
 * One restore session as the timeline needs it: a list row cut down to what places and labels a bar. Built by the
 * extension from the loaded lists and posted to the page, so it holds only plain strings and numbers.
 */
export interface TimelineEntry {
  serverId: string;
  sessionId: string;
  name: string;
  /** Human label of the restore type (`VM restore`, `Exchange`, …): the key of the per-type figures. */
  typeLabel: string;
  state: SessionState;
  result: SessionResult;
  /** UTC ISO (toIso form) or undefined, as in RestoreSessionSummary. */
  creationTime?: string;
  endTime?: string;
  /** Zone-less server-clock text, when the server sent one (creationTime is then undefined). */
  creationTimeLocal?: string;
  endTimeLocal?: string;
  durationMs?: number;
  /** The restored object where the server names one (VM, mailbox owner, organization): the second grouping level. */
  object?: string;
}

/** A server heading: its id and display name, in the order the tree lists servers. */
export interface TimelineServer {
  id: string;
  name: string;
}
