import { BackupReplicationClient } from './backupReplication/backupReplicationClient';
import { parseBackupReplicationDocument } from './backupReplication/parser';
import { EnterpriseManagerClient } from './enterpriseManager/enterpriseManagerClient';
import { parseEnterpriseManagerDocument } from './enterpriseManager/enterpriseManagerParser';
import type { KindProtocol } from './kindProtocol';
import { Microsoft365Client } from './microsoft365/microsoft365Client';
import { parseMicrosoft365Document } from './microsoft365/microsoft365Parser';
import type { ServerKind } from './serverKinds';

/** Each kind's client and parser; `Record` makes a kind added to serverKinds.ts without one a compile error. */
export const KIND_PROTOCOLS: Record<ServerKind, KindProtocol> = {
  vbr: { createClient: (options, http) => new BackupReplicationClient(options, http), parseDocument: (raw) => parseBackupReplicationDocument(raw) },
  em: { createClient: (options, http) => new EnterpriseManagerClient(options, http), parseDocument: (raw) => parseEnterpriseManagerDocument(raw) },
  vb365: { createClient: (options, http) => new Microsoft365Client(options, http), parseDocument: (raw) => parseMicrosoft365Document(raw) },
};
