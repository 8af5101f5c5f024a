import { VeeamError } from './errors';
import { SERVER_KINDS, type ServerKind } from './kinds/serverKinds';
import { UID_PREFIX, isGuid, uidForId } from './model/restoreSessionUid';

export interface RestoreSessionReference {
  /** Bare GUID, lower case: safe to put in a URL after encodeURIComponent. */
  id: string;
  uid: string;
  /** Present when the input was a URL: which server and API it points at. */
  server?: { kind: ServerKind; origin: string; apiVersion?: string };
}

const MAX_INPUT = 2048;
export const ACCEPTED_FORMS = `a GUID (3f2a…-…), a UID (urn:veeam:RestoreSession:<guid>), or a restore session URL from ${SERVER_KINDS.map(
  (k) => `${k.shortName} (${k.sessionUrl(`https://host:${k.defaultPort}`, '<guid>', k.apiVersions?.latest).replace(/%3Cguid%3E/, '<guid>').replace(/\?.*$/, '')})`,
).join(', ')}`;

/**
 * Turns what a user typed or pasted into a restore-session id, before any request is made.
 * Throws VeeamError('invalidInput') saying what is accepted.
 */
export function parseRestoreSessionReference(input: string): RestoreSessionReference {
  const text = stripWrapping(input);
  if (text.length === 0) throw invalid('Enter a restore session ID.');
  if (text.length > MAX_INPUT) throw invalid('That input is too long to be a restore session ID.');

  const bare = text.replace(/^\{(.*)\}$/, '$1');
  if (isGuid(bare)) return fromGuid(bare);

  if (text.toLowerCase().startsWith(UID_PREFIX.toLowerCase())) {
    const guid = text.slice(UID_PREFIX.length);
    if (isGuid(guid)) return fromGuid(guid);
    throw invalid(`"${preview(text)}" is a restore session UID without a valid GUID.`);
  }
  if (/^urn:veeam:/i.test(text)) {
    throw invalid(`"${preview(text)}" is the UID of another kind of Veeam object, not a restore session.`);
  }

  if (/^https?:\/\//i.test(text)) return fromUrl(text);
  throw invalid(`"${preview(text)}" is not a restore session ID.`);
}

function fromUrl(text: string): RestoreSessionReference {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`"${preview(text)}" is not a valid URL.`);
  }
  const path = decodePath(url.pathname);
  let pointsAt: { api: string; resource: string | undefined } | undefined;
  for (const kind of SERVER_KINDS) {
    const recognised = kind.recognisePath(path);
    if (!recognised) continue;
    if ('session' in recognised && isGuid(recognised.session)) {
      const server: RestoreSessionReference['server'] = { kind: kind.id, origin: url.origin };
      if (recognised.apiVersion) server.apiVersion = recognised.apiVersion;
      return { ...fromGuid(recognised.session), server };
    }
    pointsAt ??= { api: kind.shortName, resource: 'resource' in recognised ? recognised.resource : undefined };
  }
  throw invalid(`The URL "${preview(text)}" ${whatUrlPointsAt(pointsAt)}.`);
}

/** Names the resource a wrong URL is about (a job, a backup server…) so the user sees what was pasted. */
function whatUrlPointsAt(pointsAt: { api: string; resource: string | undefined } | undefined): string {
  if (!pointsAt) return 'does not point at a restore session';
  const { api, resource } = pointsAt;
  if (resource === undefined) return `points at ${api} restore sessions, but not at one session by its GUID`;
  // Descriptors hand back letters (and one slash) only: safe to echo.
  return `points at ${api} "${resource}", not at a restore session`;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function fromGuid(guid: string): RestoreSessionReference {
  const id = guid.toLowerCase();
  return { id, uid: uidForId(id) };
}

function stripWrapping(input: string): string {
  // People paste with quotes, angle brackets or trailing punctuation from chat messages.
  return input.trim().replace(/^["'<`]+|["'>`.,;]+$/g, '').trim();
}

function preview(text: string): string {
  // Control and bidi characters would garble (or disguise) the echoed input in a notification.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}

function invalid(reason: string): VeeamError {
  return new VeeamError('invalidInput', `${reason} Accepted: ${ACCEPTED_FORMS}.`, { detail: reason });
}
