import type { KindDescriptor, RecognisedPath } from '../kindDescriptor';
import { TOKEN_PLACEHOLDER } from '../kindDescriptor';
import { isPlainRecord as isRecord } from '../../parsing/caseInsensitiveFields';

export const MICROSOFT365_API_VERSIONS = ['v3', 'v4', 'v5', 'v6', 'v7', 'v8'] as const;
const LATEST = 'v8';
const SESSION_PATH = /^\/(v\d+)\/restoresessions\/([^/?#]+)(?:\/[^?#]*)?$/i;
/** Its restore session types (Exchange, OneDrive, SharePoint, Teams). */
const SESSION_TYPES = new Set(['vex', 'veod', 'vesp', 'vet']);
const RESOURCE_PATH = /^\/v\d+\/([A-Za-z]+)(?:\/|$)/;

/** Veeam Backup for Microsoft 365 REST API v3–v8 (`https://host:4443/vN`, shared/veeam-api.md Part B). */
export const microsoft365: KindDescriptor<'vb365'> = {
  id: 'vb365',
  productName: 'Veeam Backup for Microsoft 365',
  shortName: 'Microsoft 365',
  coverage: 'Exchange, OneDrive, SharePoint, Teams',
  // Its sessions name the organization they explore, not an object.
  restoredObjectLabel: 'Organization',
  filterTypes: [
    { type: 'Vex', label: 'Exchange' },
    { type: 'Veod', label: 'OneDrive for Business' },
    { type: 'Vesp', label: 'SharePoint' },
    { type: 'Vet', label: 'Teams' },
  ],
  stopMeaning:
    'A Microsoft 365 restore session is an open Explorer session: it stays Working until someone stops it. Stopping it is the routine way to end it: it closes the session, and items already restored stay restored.',
  icon: 'cloud',
  defaultPort: 4443,
  apiVersions: {
    known: MICROSOFT365_API_VERSIONS,
    latest: LATEST,
    selection: 'chosen',
    releaseOf: (version) => (version === LATEST ? 'Veeam Backup for Microsoft 365 v8' : undefined),
  },
  capabilities: { formats: ['json'], log: true, stop: true, relatedLinks: true, taskSessions: false },
  sessionUrl: (origin, sessionId, apiVersion) => `${origin}/${apiVersion ?? LATEST}/RestoreSessions/${encodeURIComponent(sessionId)}`,
  recognisePath(path: string): RecognisedPath | undefined {
    const session = SESSION_PATH.exec(path);
    if (session) return { session: session[2], apiVersion: session[1].toLowerCase() };
    const resource = RESOURCE_PATH.exec(path);
    if (!resource) return undefined;
    return resource[1].toLowerCase() === 'restoresessions' ? { sessions: true } : { resource: resource[1] };
  },
  bodyEvidence(json: unknown): string | undefined {
    const first = Array.isArray(json) ? json.find(isRecord) : json;
    if (!isRecord(first)) return undefined;
    if ('_links' in first) return 'it has "_links"';
    if (Array.isArray(first.results) && ('offset' in first || 'limit' in first)) return 'an offset/limit "results" page';
    if ('installationId' in first) return 'it has "installationId"';
    // Backup & Replication sessions carry "sessionType": those are not this API's. (Its tokens look the same.)
    if ('access_token' in first) return 'an OAuth token';
    if (typeof first.type === 'string' && SESSION_TYPES.has(first.type.toLowerCase()) && !('sessionType' in first)) return `a restore session of type "${first.type.slice(0, 20)}"`;
    if ('id' in first && 'creationTime' in first && !('sessionType' in first)) return 'it has "id" and "creationTime"';
    if (typeof first.error === 'string' && !('errorCode' in first)) return 'an OAuth error object';
    if ('stackTrace' in first && 'message' in first) return 'an error body with "stackTrace"';
    return undefined;
  },
  requestHeaders: () => [
    { name: 'Authorization', value: `Bearer ${TOKEN_PLACEHOLDER}` },
    { name: 'Accept', value: 'application/json' },
  ],
};
