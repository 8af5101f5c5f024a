export const UID_PREFIX = 'urn:veeam:RestoreSession:';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Servers send lower-case GUIDs: such an id is kept as it is, without a lower-case copy per row.
const LOWER_CASE_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export function uidForId(id: string): string {
  return `${UID_PREFIX}${id}`;
}

/** The GUID of a `urn:veeam:<Type>:<guid>` UID, lower case; undefined when it is not one. */
export function idFromUid(uid: string | undefined): string | undefined {
  if (!uid) return undefined;
  const last = uid.slice(uid.lastIndexOf(':') + 1);
  if (LOWER_CASE_GUID.test(last)) return last;
  return isGuid(last) ? last.toLowerCase() : undefined;
}
