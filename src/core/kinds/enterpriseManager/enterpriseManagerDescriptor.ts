import type { KindDescriptor, RecognisedPath } from '../kindDescriptor';
import { TOKEN_PLACEHOLDER } from '../kindDescriptor';
import { isPlainRecord as isRecord } from '../../parsing/caseInsensitiveFields';

const SESSION_PATH = /^\/api\/restoresessions\/([^/?#]+)\/?$/i;
// Its namespace or an Href into /api/: what marks Enterprise Manager XML.
const EM_XML = /xmlns="http:\/\/www\.veeam\.com\/ent\/|\sHref="[^"]*\/api\//;
const RESOURCE_PATH = /^\/api\/([A-Za-z]+(?:\/[A-Za-z]+)?)(?:\/|$)/;

/** Veeam Backup Enterprise Manager REST API (`https://host:9398/api`, shared/veeam-api.md Part A). */
/** Keys only Enterprise Manager's JSON has, in the order they are named when several are present. */
const EM_KEYS = ['uid', 'href', 'refs', 'entities', 'paginginfo', 'links'];

export const enterpriseManager: KindDescriptor<'em'> = {
  id: 'em',
  productName: 'Veeam Backup Enterprise Manager',
  shortName: 'Enterprise Manager',
  coverage: 'vSphere, Cloud Director, Hyper-V',
  restoredObjectLabel: 'Restored object',
  filterTypes: [
    { type: 'RestoreVm', label: 'VM restore' },
    { type: 'FileLevelRestore', label: 'File-level restore' },
  ],
  noLogExplanation:
    'Enterprise Manager publishes no log for restore sessions through its REST API, so there is none to show here (an empty table would look like "no problems"). Everything the server sends about this session is on the Raw tab; its related links lead to the restore point and the backup server.',
  icon: 'server-environment',
  defaultPort: 9398,
  // The client reads the newest version from the entry point: nothing to choose.
  capabilities: { formats: ['xml', 'json'], log: false, stop: false, relatedLinks: true, taskSessions: false },
  sessionUrl: (origin, sessionId) => `${origin}/api/restoreSessions/${encodeURIComponent(sessionId)}?format=Entity`,
  recognisePath(path: string): RecognisedPath | undefined {
    const session = SESSION_PATH.exec(path);
    if (session) return { session: session[1] };
    const resource = RESOURCE_PATH.exec(path);
    if (!resource) return undefined;
    return resource[1].toLowerCase() === 'restoresessions' ? { sessions: true } : { resource: resource[1] };
  },
  bodyEvidence(json: unknown, text: string): string | undefined {
    if (json === undefined) return EM_XML.test(text.slice(0, 4096)) ? 'Enterprise Manager XML' : undefined;
    const first = Array.isArray(json) ? json.find(isRecord) : json;
    if (!isRecord(first)) return undefined;
    // Every body of the other kinds passes here: one pass over the keys, nothing built unless one matches.
    let found: { rank: number; key: string } | undefined;
    for (const key of Object.keys(first)) {
      const rank = EM_KEYS.indexOf(key.toLowerCase());
      if (rank >= 0 && (found === undefined || rank < found.rank)) found = { rank, key };
    }
    if (found) return `it has "${found.key}"`;
    if ('Message' in first && ('StatusCode' in first || 'FirstChanceExceptionMessage' in first)) return 'an Enterprise Manager error body';
    return undefined;
  },
  requestHeaders: () => [
    { name: 'X-RestSvcSessionId', value: TOKEN_PLACEHOLDER },
    { name: 'Accept', value: 'application/json' },
  ],
};
