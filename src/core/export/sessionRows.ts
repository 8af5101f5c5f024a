import { kindDescriptor } from '../kinds/serverKinds';
import type { RestoreSessionSummary } from '../model/restoreSession';
import { textInSlices } from './textInSlices';

/** A session as exported: the row and the name of the server it came from (the model does not carry it). */
export interface ExportedSession {
  readonly serverName: string;
  readonly session: RestoreSessionSummary;
}

/**
 * The CSV columns, in order. Times are ISO 8601 UTC; a server that sent a time without a zone gets it in the
 * `…ServerTime` column as sent (its own clock), with the UTC column empty: it is never passed off as UTC.
 */
export const SESSION_COLUMNS = [
  'id',
  'uid',
  'server',
  'kind',
  'name',
  'type',
  'typeLabel',
  'platform',
  'state',
  'serverState',
  'result',
  'serverResult',
  'progress',
  'creationTime',
  'endTime',
  'durationSeconds',
  'creationServerTime',
  'endServerTime',
] as const;

export type SessionColumn = (typeof SESSION_COLUMNS)[number];

/** A row: text, a number, or undefined for an empty field (the server did not say). */
export type SessionRow = Record<SessionColumn, string | number | undefined>;

/** One session as a CSV row. States and results are the normalised words (`unknown` when this version does not know the server's, whose own word is beside it). */
export function sessionRow({ serverName, session: s }: ExportedSession): SessionRow {
  return {
    id: s.id,
    uid: s.uid,
    server: serverName,
    kind: kindDescriptor(s.kind).productName,
    name: s.name,
    type: s.type,
    typeLabel: s.typeLabel,
    platform: s.platform,
    state: s.state,
    serverState: s.rawState,
    result: s.result,
    serverResult: s.rawResult,
    progress: s.progress,
    creationTime: s.creationTime,
    endTime: s.endTime,
    // Only when the server gave both ends: a running session has no duration yet, and none is guessed.
    durationSeconds: s.durationMs === undefined ? undefined : s.durationMs / 1000,
    creationServerTime: s.creationTimeLocal,
    endServerTime: s.endTimeLocal,
  };
}

/** The JSON export: the normalised model, one array, each element with its server's name first. */
export function sessionsJson(sessions: readonly ExportedSession[]): string {
  return `${JSON.stringify(sessions.map(exportedJson), null, 2)}\n`;
}

/**
 * The same text as `sessionsJson`, built in slices (see textInSlices): each slice is its elements as
 * `JSON.stringify` of the whole array indents them (depth 1), joined by the array's own `,\n`.
 */
export async function sessionsJsonInSlices(sessions: readonly ExportedSession[]): Promise<string[]> {
  if (sessions.length === 0) return [sessionsJson(sessions)];
  const parts = await textInSlices(sessions, (slice, first) => {
    const array = JSON.stringify(slice.map(exportedJson), null, 2);
    // "[\n  {…},\n  {…}\n]" → the elements, with the separator the whole array puts before this slice's first one.
    return `${first ? '[\n' : ',\n'}${array.slice(2, -2)}`;
  });
  parts.push('\n]\n');
  return parts;
}

function exportedJson({ serverName, session }: ExportedSession): Record<string, unknown> {
  return { server: serverName, ...session };
}
