import type { RestoreSessionEvent } from '../../model/restoreSession';
import { CaseInsensitiveFields, isPlainRecord } from '../../parsing/caseInsensitiveFields';
import { clippedText } from '../../parsing/clippedText';
import { localText, serverTimeMs, zonedIso } from './serverTime';

/**
 * `SessionLogResult.records` (shared/veeam-api-vbr.md §4.2) as events, sorted by record id: the server promises no
 * order (one published example is sorted by updateTime descending), and the id is the step's sequence number.
 */
export function sessionLogEvents(records: unknown[]): RestoreSessionEvent[] {
  const events: RestoreSessionEvent[] = [];
  for (const record of records) {
    const event = isPlainRecord(record) ? logRecordEvent(record) : undefined;
    if (event) events.push(event);
  }
  // Array#sort is stable: records with the same id keep the server's order.
  events.sort((a, b) => a.order - b.order);
  return events;
}

/** One SessionLogRecordModel; undefined without an integer id. */
export function logRecordEvent(source: Record<string, unknown>): RestoreSessionEvent | undefined {
  const f = new CaseInsensitiveFields(source);
  const rawId = f.get('id');
  const order = typeof rawId === 'number' ? rawId : typeof rawId === 'string' && /^-?\d+$/.test(rawId.trim()) ? Number(rawId) : NaN;
  if (!Number.isSafeInteger(order)) return undefined;
  const startText = f.string('startTime');
  const start = serverTimeMs(startText);
  const updateText = f.string('updateTime');
  const update = serverTimeMs(updateText);
  const event: RestoreSessionEvent = {
    id: String(order),
    // Log records have no type; status carries None/Succeeded/Warning/Failed as sent.
    type: '',
    status: f.string('status') ?? '',
    title: f.string('title') ?? '',
    message: f.string('description') ?? '',
    order,
    startTime: zonedIso(startText, start),
    // A record has no end: its updateTime advances while the step runs, so it is not presented as one.
    endTime: undefined,
  };
  const startLocal = localText(startText, start);
  if (startLocal !== undefined) event.startTimeLocal = startLocal;
  const updateIso = zonedIso(updateText, update);
  if (updateIso !== undefined) event.updateTime = updateIso;
  const updateLocal = localText(updateText, update);
  if (updateLocal !== undefined) event.updateTimeLocal = updateLocal;
  const info = additionalInfoText(f.get('additionalInfo'));
  if (info !== undefined) event.additionalInfo = info;
  return event;
}

// A bound on what one record may add to a transcript: a hostile body must not make it megabytes long.
const MAX_INFO = 10_000;

/** `additionalInfo`: a string up to 1.3-rev1, an array of `{field, data}` from 1.3-rev2; one `field: data` per line. */
function additionalInfoText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.slice(0, MAX_INFO);
  if (!Array.isArray(value)) return undefined;
  const lines: string[] = [];
  let length = 0;
  for (const item of value) {
    if (!isPlainRecord(item)) continue;
    const pair = new CaseInsensitiveFields(item);
    const field = clippedText(pair.string('field') ?? '', 200);
    const data = pair.string('data') ?? structuredText(pair.get('data'));
    if (field === '' && data === '') continue;
    const line = field === '' ? data : `${field}: ${data}`;
    lines.push(line);
    length += line.length + 1;
    if (length > MAX_INFO) break;
  }
  return lines.length > 0 ? lines.join('\n').slice(0, MAX_INFO) : undefined;
}

/** A non-scalar `data` as JSON text; a structure too deep to write (a hostile body) as a placeholder, never a throw. */
function structuredText(value: unknown): string {
  if (value === undefined || value === null) return '';
  try {
    return (JSON.stringify(value) ?? '').slice(0, MAX_INFO);
  } catch {
    return '(a value too deeply nested to show)';
  }
}
