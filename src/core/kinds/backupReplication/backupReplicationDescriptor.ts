import { isPlainRecord as isRecord } from '../../parsing/caseInsensitiveFields';
import type { KindDescriptor, RecognisedPath } from '../kindDescriptor';
import { TOKEN_PLACEHOLDER } from '../kindDescriptor';
import { BACKUP_REPLICATION_REVISIONS, LATEST_REVISION } from './backupReplicationRevisions';
import { SESSION_TYPE_INFO } from './vocabulary';

const SESSION_PATH = /^\/api\/v1\/sessions\/([^/?#]+)(?:\/(?:logs|taskSessions))?\/?$/i;
const RESOURCE_PATH = /^\/api\/v1\/([A-Za-z]+(?:\/[A-Za-z]+)?)(?:\/|$)/;

/** Veeam Backup & Replication REST API v1 (`https://host:9419/api/v1`, shared/veeam-api-vbr.md). */
export const backupReplication: KindDescriptor<'vbr'> = {
  id: 'vbr',
  productName: 'Veeam Backup & Replication',
  shortName: 'Backup & Replication',
  coverage: 'VMware, Hyper-V, agents, file shares, Entra ID',
  restoredObjectLabel: 'Restored object',
  filterTypes: SESSION_TYPE_INFO.filter((t) => t.typeClass === 'restore').map((t) => ({ type: t.type, label: t.label })),
  stopMeaning:
    'Stopping cancels a running restore: what is not restored yet stays unrestored, and a VM or disk restore may leave a partly restored machine behind that you have to clean up. Backup & Replication records the session as stopped by a user.',
  icon: 'database',
  defaultPort: 9419,
  apiVersions: {
    known: BACKUP_REPLICATION_REVISIONS.map((r) => r.revision),
    latest: LATEST_REVISION,
    selection: 'negotiated',
    releaseOf: (version) => BACKUP_REPLICATION_REVISIONS.find((r) => r.revision === version)?.release,
  },
  capabilities: { formats: ['json'], log: true, stop: true, relatedLinks: false, taskSessions: true },
  sessionUrl: (origin, sessionId) => `${origin}/api/v1/sessions/${encodeURIComponent(sessionId)}`,
  recognisePath(path: string): RecognisedPath | undefined {
    const session = SESSION_PATH.exec(path);
    if (session) return { session: session[1] };
    const resource = RESOURCE_PATH.exec(path);
    if (!resource) return undefined;
    return resource[1].toLowerCase() === 'sessions' ? { sessions: true } : { resource: resource[1] };
  },
  bodyEvidence(json: unknown): string | undefined {
    if (!isRecord(json)) return undefined;
    if (Array.isArray(json.data) && isRecord(json.pagination)) return 'a "data"/"pagination" envelope';
    if ('sessionType' in json && 'usn' in json) return 'it has "sessionType" and "usn"';
    if ('totalRecords' in json && Array.isArray(json.records)) return 'a "records" log';
    return undefined;
  },
  requestHeaders: (apiVersion) => [
    { name: 'Authorization', value: `Bearer ${TOKEN_PLACEHOLDER}` },
    { name: 'x-api-version', value: apiVersion ?? LATEST_REVISION },
    { name: 'Accept', value: 'application/json' },
  ],
};
