/** A log record's status, normalised across APIs (Microsoft 365 event status, Backup & Replication record status). */
export type LogStatus = 'failed' | 'warning' | 'success' | 'running' | 'other';

export function logStatusOf(raw: string): LogStatus {
  const word = raw.toLowerCase();
  if (word.startsWith('fail') || word === 'error') return 'failed';
  if (word.startsWith('warn')) return 'warning';
  if (word.startsWith('succe')) return 'success';
  if (word === 'running' || word === 'inprogress' || word === 'working') return 'running';
  // Backup & Replication's "None" (a step not done yet) and anything unknown: shown as sent, not guessed.
  return 'other';
}
