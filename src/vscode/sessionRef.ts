/** What commands receive to name one restore session: tree nodes, webviews and the palette all pass this shape. */
export interface SessionRef {
  serverId: string;
  sessionId: string;
}

export function isSessionRef(value: unknown): value is SessionRef {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.serverId === 'string' && typeof v.sessionId === 'string';
}
