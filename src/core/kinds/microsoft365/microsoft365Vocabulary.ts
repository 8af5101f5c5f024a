import { lowerCaseWord } from '../../model/lowerCaseWords';
import type { Platform } from '../../model/restoreSession';

// Maps, not object literals: a server type string such as "__proto__" or "constructor" must not find Object.prototype.
const SERVICES: ReadonlyMap<string, { label: string; platform: Platform }> = new Map([
  ['vex', { label: 'Exchange', platform: 'Exchange' }],
  ['veod', { label: 'OneDrive for Business', platform: 'OneDrive' }],
  ['vesp', { label: 'SharePoint', platform: 'SharePoint' }],
  ['vet', { label: 'Teams', platform: 'Teams' }],
]);

/** Human label for a restore session `type` (the service it explores); the raw word when unknown. */
export function microsoft365TypeLabel(raw: string): string {
  return SERVICES.get(lowerCaseWord(raw))?.label ?? (raw || 'Unknown');
}

export function microsoft365Platform(type: string): Platform {
  return SERVICES.get(lowerCaseWord(type))?.platform ?? 'unknown';
}
