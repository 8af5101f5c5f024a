import type { RestoreSessionEvent } from '../model/restoreSession';
import { LINE_BREAKS, plainTextLine } from '../text/plainTextLine';

/** The log CSV's columns, in order; times as in the session export (UTC, or the server's own zone-less text beside it). */
export const LOG_COLUMNS = [
  'order',
  'startTime',
  'startServerTime',
  'updateTime',
  'updateServerTime',
  'status',
  'title',
  'message',
  'duration',
  'item',
  'itemType',
  'source',
  'target',
  'additionalInfo',
] as const;

export type LogColumn = (typeof LOG_COLUMNS)[number];

export function logRow(e: RestoreSessionEvent): Record<LogColumn, string | number | undefined> {
  return {
    order: e.order,
    startTime: e.startTime,
    startServerTime: e.startTimeLocal,
    updateTime: e.updateTime,
    updateServerTime: e.updateTimeLocal,
    // The server's word, as sent: a status this version does not know is not mapped to one it does.
    status: e.status,
    title: e.title,
    message: e.message,
    duration: e.duration,
    item: e.itemName,
    itemType: e.itemType,
    source: e.source,
    target: e.target,
    additionalInfo: e.additionalInfo,
  };
}

/**
 * The log as plain text: one header line per record (time, status, title), its message and further lines indented
 * under it. A zone-less time says so rather than passing for UTC.
 */
export function logText(events: readonly RestoreSessionEvent[]): string {
  return events
    .map((e) => {
      const time = e.startTime ?? (e.startTimeLocal !== undefined ? `${e.startTimeLocal} (server time)` : '(no time)');
      // Server text stays on its line: a break in a title must not start a line that reads as another record.
      const head = plainTextLine(`${time}  ${e.status || '(no status)'}  ${e.title}${e.duration ? `  [${e.duration}]` : ''}`);
      const body = [e.message, e.itemName ? `item: ${e.itemName}` : '', e.additionalInfo ?? '']
        .filter((text) => text && text !== e.title)
        .flatMap((text) => text.split(LINE_BREAKS))
        .map((line) => `    ${plainTextLine(line)}`);
      return [head, ...body].join('\n');
    })
    .join('\n')
    .concat(events.length > 0 ? '\n' : '');
}
