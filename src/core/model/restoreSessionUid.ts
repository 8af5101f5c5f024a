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
  return lowerCaseGuid(uid.slice(uid.lastIndexOf(':') + 1));
}

/** The GUID in lower case (the value itself when it already is: no copy per list row); undefined when not a GUID. */
export function lowerCaseGuid(value: string): string | undefined {
  if (LOWER_CASE_GUID.test(value)) return value;
  return isGuid(value) ? value.toLowerCase() : undefined;
}
