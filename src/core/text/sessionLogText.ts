import type { RestoreSessionEvent } from '../model/restoreSession';
import { LINE_BREAKS, plainTextLine } from './plainTextLine';

/**
 * A session log as plain text, one record per line (continuation lines indented), in the layout the veeam-log
 * grammar colours: `2026-12-02 08:28:04  [Failed  ]  Title — message`. VS Code-free.
 */
export function logText(header: string, events: readonly RestoreSessionEvent[]): string {
  const lines = [header, ''];
  for (const e of [...events].sort((a, b) => a.order - b.order)) {
    const time = e.startTime ? e.startTime.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : e.startTimeLocal ? `${e.startTimeLocal.replace('T', ' ').replace(/\.\d+$/, '')} (server time)` : '—';
    const text = [e.title, e.message].filter((t) => t && t.trim()).join(' — ');
    lines.push(`${time}  [${plainTextLine(e.status || 'None').padEnd(9)}]  ${plainTextLine(text)}`);
    if (e.additionalInfo) for (const extra of e.additionalInfo.split(LINE_BREAKS)) lines.push(`    ${plainTextLine(extra)}`);
  }
  if (events.length === 0) lines.push('(no records yet)');
  return `${lines.join('\n')}\n`;
}
