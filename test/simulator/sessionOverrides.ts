import type { EmRestoreSession } from './enterpriseManagerData';

/** EM session fields a test may dictate after adding a session (webview safety: hostile names, objects, links). */
export interface SessionOverrides {
  /**
   * State word, verbatim: one the client does not know (`Postprocessing`) or `''` for none holds until a test sends
   * `Stopped`, which ends the session (see SessionProgression.forceEnterpriseManagerState).
   */
  state?: string;
  name?: string;
  vmDisplayName?: string;
  restoredObjRef?: string;
  /** Extra `Related` links, verbatim (e.g. `javascript:` URLs). */
  extraLinkHrefs?: string[];
}

const STRING_FIELDS = ['name', 'vmDisplayName', 'restoredObjRef', 'state'] as const;

/** Validates the JSON body of `POST /sessions/{id}/fields`. */
export function checkSessionOverrides(input: unknown): SessionOverrides {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('session fields must be a JSON object');
  const o = input as Record<string, unknown>;
  const out: SessionOverrides = {};
  for (const [key, value] of Object.entries(o)) {
    if ((STRING_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'string') throw new Error(`${key} must be a string`);
      out[key as (typeof STRING_FIELDS)[number]] = value;
    } else if (key === 'extraLinkHrefs') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error('extraLinkHrefs must be an array of strings');
      out.extraLinkHrefs = [...(value as string[])];
    } else {
      throw new Error(`unknown session field: ${key}`);
    }
  }
  return out;
}

/** Sets the plain fields; the caller applies `state` (it moves the session's progression). */
export function applySessionOverrides(session: EmRestoreSession, overrides: SessionOverrides): void {
  if (overrides.name !== undefined) session.name = overrides.name;
  if (overrides.vmDisplayName !== undefined) session.vmDisplayName = overrides.vmDisplayName;
  if (overrides.restoredObjRef !== undefined) session.restoredObjRef = overrides.restoredObjRef;
  if (overrides.extraLinkHrefs !== undefined) session.extraLinkHrefs = [...overrides.extraLinkHrefs];
}
