import { isVeeamError } from '../../errors';
import type { Platform, RawBody, RestoreSession, SessionLink } from '../../model/restoreSession';
import { platformFromHierarchyRef } from './enterpriseManagerVocabulary';
import { CaseInsensitiveFields } from '../../parsing/caseInsensitiveFields';
import { parseEnterpriseManagerDocument } from './enterpriseManagerParser';
import type { Logger } from '../../clients/restoreSessionClient';

/** Fetches a link of the server as JSON (the client's getRaw: same origin rules, logon and retries). */
export type EntityFetch = (href: string) => Promise<RawBody>;

/** Restore points remembered per server; a long session browses far fewer in one window's life. */
const DEFAULT_LIMIT = 500;

/**
 * The platform of Enterprise Manager sessions that carry no `RestoredObjRef` (no published one does): read from the
 * `HierarchyObjRef` of the VM restore point their `Related` link names (shared/veeam-api.md, Part C). Asked only for
 * a session on screen (panel), never for list rows. One request per restore point: answers are cached (bounded,
 * least recently used out first) and concurrent asks share one request. A failure answers `unknown` (never a guess),
 * is logged, and is not cached, so a later ask tries again.
 */
export class RestorePointPlatforms {
  private readonly answers = new Map<string, Promise<Platform>>();

  constructor(
    private readonly fetchEntity: EntityFetch,
    private readonly logger?: Logger,
    private readonly limit = DEFAULT_LIMIT,
  ) {}

  // No AbortSignal: the request is shared by every ask for that point, and its answer is kept for later ones.
  platformOf(session: Pick<RestoreSession, 'id' | 'platform' | 'links'>): Promise<Platform> {
    if (session.platform !== 'unknown') return Promise.resolve(session.platform);
    const link = relatedRestorePoint(session.links);
    if (!link) return Promise.resolve('unknown');
    const key = link.id;
    const known = this.answers.get(key);
    if (known) {
      // Most recently used last: the oldest entry is the one dropped when the cache is full.
      this.answers.delete(key);
      this.answers.set(key, known);
      return known;
    }
    const answer = this.read(link.href, session.id).then(
      (platform) => platform,
      (error: unknown) => {
        this.answers.delete(key);
        this.logger?.('warn', `Platform of restore session ${session.id} not read from its VM restore point: ${isVeeamError(error) ? error.toLogString() : String(error)}`);
        return 'unknown' as const;
      },
    );
    this.answers.set(key, answer);
    if (this.answers.size > this.limit) this.answers.delete(this.answers.keys().next().value as string);
    return answer;
  }

  private async read(href: string, sessionId: string): Promise<Platform> {
    const doc = parseEnterpriseManagerDocument(await this.fetchEntity(entityHref(href)));
    const ref = doc.kind === 'other' ? new CaseInsensitiveFields(doc.data).string('HierarchyObjRef') : undefined;
    const platform = platformFromHierarchyRef(ref);
    if (platform === 'unknown') {
      this.logger?.('info', `The VM restore point of restore session ${sessionId} names no known platform (HierarchyObjRef ${ref === undefined ? 'absent' : `"${ref.slice(0, 80)}"`}).`);
    }
    return platform;
  }
}

const RESTORE_POINT_PATH = /\/vmRestorePoints\/([^/?#]+)/i;

/** The session's `Related` VM restore point link (documented with Type `VmRestorePointReference`), and its id. */
function relatedRestorePoint(links: readonly SessionLink[]): { href: string; id: string } | undefined {
  for (const link of links) {
    if (link.rel.toLowerCase() !== 'related') continue;
    const id = RESTORE_POINT_PATH.exec(link.href)?.[1];
    if (id) return { href: link.href, id: decodeURIComponentSafe(id).toLowerCase() };
  }
  return undefined;
}

/** The entity representation of a restore point link, whichever representation the link names. */
function entityHref(href: string): string {
  return `${href.split(/[?#]/)[0]}?format=Entity`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
