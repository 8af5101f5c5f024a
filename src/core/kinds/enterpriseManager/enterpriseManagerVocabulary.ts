import { lowerCaseWord } from '../../model/lowerCaseWords';
import type { Platform } from '../../model/restoreSession';

// Maps, not object literals: a server type string such as "__proto__" or "constructor" must not find Object.prototype.
// Enterprise Manager also reports the Microsoft 365 item restores it knows of, under their service names.
const TYPE_LABELS: ReadonlyMap<string, string> = new Map([
  ['restorevm', 'VM restore'],
  ['filelevelrestore', 'File-level restore'],
  ['vex', 'Exchange'],
  ['veod', 'OneDrive for Business'],
  ['vesp', 'SharePoint'],
  ['vet', 'Teams'],
]);

/** Human label for an Enterprise Manager `JobType`; the raw word when unknown. */
export function enterpriseManagerTypeLabel(raw: string): string {
  return TYPE_LABELS.get(lowerCaseWord(raw)) ?? (raw || 'Unknown');
}

const SERVICE_PLATFORMS: ReadonlyMap<string, Platform> = new Map<string, Platform>([
  ['vex', 'Exchange'],
  ['veod', 'OneDrive'],
  ['vesp', 'SharePoint'],
  ['vet', 'Teams'],
]);

/** The Microsoft 365 service a session type names, else unknown. */
export function servicePlatform(type: string): Platform {
  return SERVICE_PLATFORMS.get(lowerCaseWord(type)) ?? 'unknown';
}

/** Platform from a HierarchyObjRef (`urn:VMware:Vm:…`, `urn:HyperV:…`, `urn:vCloud:…`). */
export function platformFromHierarchyRef(ref: string | undefined): Platform {
  // Prefix tests, not a captured group: a list page reads one per row, and a match array per row was garbage.
  if (ref === undefined) return 'unknown';
  if (VMWARE_REF.test(ref)) return 'vSphere';
  if (HYPERV_REF.test(ref)) return 'Hyper-V';
  if (VCLOUD_REF.test(ref)) return 'Cloud Director';
  return 'unknown';
}

const VMWARE_REF = /^urn:vmware:/i;
const HYPERV_REF = /^urn:hyperv:/i;
const VCLOUD_REF = /^urn:vcloud:/i;
