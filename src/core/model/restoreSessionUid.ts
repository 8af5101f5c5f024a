export const UID_PREFIX = 'urn:veeam:RestoreSession:';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  return isGuid(last) ? last.toLowerCase() : undefined;
}
