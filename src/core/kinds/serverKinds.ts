import { VeeamError } from '../errors';
import { backupReplication } from './backupReplication/backupReplicationDescriptor';
import { enterpriseManager } from './enterpriseManager/enterpriseManagerDescriptor';
import type { KindDescriptor } from './kindDescriptor';
import type { BodyFormat } from '../model/restoreSession';
import { microsoft365 } from './microsoft365/microsoft365Descriptor';

/**
 * Every Veeam API the extension speaks, in the order the Add Server form offers them. A new API is a folder beside
 * these, one line here, one in kindProtocols.ts, and its manifest strings.
 */
export const SERVER_KINDS = [backupReplication, enterpriseManager, microsoft365] as const;

export type ServerKind = (typeof SERVER_KINDS)[number]['id'];

export function isServerKind(value: unknown): value is ServerKind {
  return SERVER_KINDS.some((k) => k.id === value);
}

export function kindDescriptor(kind: ServerKind): KindDescriptor {
  const descriptor = SERVER_KINDS.find((k) => k.id === kind);
  // Unreachable for a typed ServerKind; settings and CLI input go through isServerKind first.
  if (!descriptor) throw new Error(`Unknown server kind "${String(kind)}".`);
  return descriptor;
}

/** "em, vb365": for usage messages. */
export const SERVER_KIND_IDS: readonly ServerKind[] = SERVER_KINDS.map((k) => k.id);

/**
 * The error for a body that belongs to another kind's API (the wrong --kind, the other server's port), naming it;
 * undefined when no other kind recognises it.
 */
export function otherApiError(expected: ServerKind, json: unknown, text: string): VeeamError | undefined {
  for (const other of SERVER_KINDS) {
    if (other.id === expected) continue;
    const evidence = other.bodyEvidence(json, text);
    if (evidence) {
      const message = `The response looks like a ${other.productName} document (${evidence}), not ${kindDescriptor(expected).productName}.`;
      return new VeeamError('malformedResponse', message, { detail: evidence });
    }
  }
  return undefined;
}

/** The version a new server of `kind` is configured with: the one asked for, else the latest where one is chosen. */
export function configuredApiVersion(kind: ServerKind, requested: string | undefined): string | undefined {
  const versions = kindDescriptor(kind).apiVersions;
  if (!versions) return undefined;
  return requested ?? (versions.selection === 'chosen' ? versions.latest : undefined);
}

/** The server serves a session in more than one format (Enterprise Manager: XML and JSON). */
export function servesSeveralFormats(kind: ServerKind): boolean {
  return kindDescriptor(kind).capabilities.formats.length > 1;
}

/** The format a session is read in when none is asked for: the server's own default. */
export function defaultFormat(kind: ServerKind): BodyFormat {
  return kindDescriptor(kind).capabilities.formats[0];
}
