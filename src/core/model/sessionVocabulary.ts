import { lowerCaseWord } from './lowerCaseWords';
import type { Platform, SessionResult, SessionState } from './restoreSession';

/** Server state strings (both APIs, any case) to the normalised lifecycle. Unknown strings stay visible as rawState. */
export function normaliseState(raw: string | undefined): SessionState {
  switch (lowerCaseWord(raw ?? '')) {
    case 'starting':
    case 'working':
    case 'running':
      return 'running';
    case 'stopping':
      return 'stopping';
    case 'stopped':
    case 'finished':
      return 'finished';
    default:
      return 'unknown';
  }
}

export function normaliseResult(raw: string | undefined, state: SessionState): SessionResult {
  // VB365 reports a result even while working (v5 examples show Working + Success): not an outcome yet.
  if (state === 'running' || state === 'stopping') return 'pending';
  // A state we do not know may be running or over: no result word (not even "None") can be read as an outcome.
  if (state === 'unknown') return 'unknown';
  switch (lowerCaseWord(raw ?? '')) {
    case 'none':
    case '':
      return 'unknown';
    case 'success':
      return 'success';
    case 'warning':
      return 'warning';
    case 'failed':
      return 'failed';
    default:
      return 'unknown';
  }
}

// Maps, not object literals: a server type string such as "__proto__" or "constructor" must not find Object.prototype.
const TYPE_LABELS: ReadonlyMap<string, string> = new Map([
  ['restorevm', 'VM restore'],
  ['filelevelrestore', 'File-level restore'],
  ['vex', 'Exchange'],
  ['veod', 'OneDrive for Business'],
  ['vesp', 'SharePoint'],
  ['vet', 'Teams'],
]);

export function typeLabel(raw: string): string {
  return TYPE_LABELS.get(lowerCaseWord(raw)) ?? (raw || 'Unknown');
}

const M365_PLATFORMS: ReadonlyMap<string, Platform> = new Map<string, Platform>([
  ['vex', 'Exchange'],
  ['veod', 'OneDrive'],
  ['vesp', 'SharePoint'],
  ['vet', 'Teams'],
]);

export function microsoft365Platform(type: string): Platform {
  return M365_PLATFORMS.get(lowerCaseWord(type)) ?? 'unknown';
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
