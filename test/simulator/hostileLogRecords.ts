/** A log record a test dictates for a Backup & Replication session (`POST /sessions/{id}/logs`): any text, any status word. */
export interface HostileLogRecord {
  status: string;
  title: string;
  description: string;
  info: Array<{ field: string; data: string }>;
}

/** Validates the JSON body `{ records: [{ status, title, description?, info? }] }`. */
export function checkLogRecords(input: unknown): HostileLogRecord[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('the body must be a JSON object');
  const records = (input as { records?: unknown }).records;
  if (!Array.isArray(records)) throw new Error('records must be an array');
  return records.map((r: unknown, i) => {
    if (typeof r !== 'object' || r === null) throw new Error(`records[${i}] must be an object`);
    const { status, title, description = '', info = [] } = r as Record<string, unknown>;
    if (typeof status !== 'string' || typeof title !== 'string' || typeof description !== 'string') throw new Error(`records[${i}]: status, title and description must be strings`);
    if (!Array.isArray(info) || !info.every((x) => typeof x === 'object' && x !== null && typeof (x as Record<string, unknown>).field === 'string' && typeof (x as Record<string, unknown>).data === 'string')) {
      throw new Error(`records[${i}].info must be an array of {field, data} strings`);
    }
    return { status, title, description, info: (info as Array<{ field: string; data: string }>).map(({ field, data }) => ({ field, data })) };
  });
}
