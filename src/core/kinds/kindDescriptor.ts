import type { BodyFormat } from '../model/restoreSession';

/** The API versions a kind speaks, newest last, and how one is chosen for a server. */
export interface ApiVersions {
  readonly known: readonly string[];
  readonly latest: string;
  /**
   * `negotiated`: the client starts at the configured (or newest) version and falls back on the server's "unsupported
   * version" answer, then reports what the server accepted. `chosen`: the user picks one; a wrong one fails.
   */
  readonly selection: 'negotiated' | 'chosen';
  /** What the form shows next to a version (the product release that brought it). */
  readonly releaseOf: (version: string) => string | undefined;
}

/** What a kind's API can do, asked by everything outside the kind folders instead of naming a kind. */
export interface KindCapabilities {
  /** Body formats a session can be read in; the first is the server's default. */
  readonly formats: readonly BodyFormat[];
  /** The API has a per-session log (events). */
  readonly log: boolean;
  /** The API can stop a running session. */
  readonly stop: boolean;
  /** Sessions carry links to related resources worth opening. */
  readonly relatedLinks: boolean;
  /** Sessions have per-object task sessions. */
  readonly taskSessions: boolean;
}

/** A URL path of this API that a user pasted: a restore session (with the version the path names), or something else. */
export type RecognisedPath =
  | { readonly session: string; readonly apiVersion?: string }
  /** The session collection (or a session path without a usable id). */
  | { readonly sessions: true }
  /** `resource` names what the path points at ("Job", "restoreSessions" without an id…), letters only. */
  | { readonly resource: string };

/**
 * Everything about one Veeam API that the rest of the code may ask, light enough for the extension's activation
 * bundle (no HTTP, no XML). The client and parser are the kind's protocol (kindProtocol.ts), loaded on first use.
 */
export interface KindDescriptor<Id extends string = string> {
  /** Stored in settings and passed as the CLI's --kind: never change it. */
  readonly id: Id;
  readonly productName: string;
  /** Short, for the tree and messages ("Enterprise Manager"). */
  readonly shortName: string;
  /** What it protects, for the Add Server form ("vSphere, Cloud Director, Hyper-V"). */
  readonly coverage: string;
  /** What a session's `restoredObject` is in this API ("Restored object", "Organization"). */
  readonly restoredObjectLabel: string;
  /** The restore session types the Filter… picker offers for this API (the server's word, and a label). */
  readonly filterTypes: ReadonlyArray<{ readonly type: string; readonly label: string }>;
  /** For kinds without a session log: why, and where to look instead (the panel's Log tab says it). */
  readonly noLogExplanation?: string;
  /** What stopping a running session means in this API, for the confirmation (kinds that can stop). */
  readonly stopMeaning?: string;
  /** A product codicon id. */
  readonly icon: string;
  readonly defaultPort: number;
  /** Absent when the API has a single version the client finds by itself. */
  readonly apiVersions?: ApiVersions;
  readonly capabilities: KindCapabilities;
  /** The REST URL of one session. */
  sessionUrl(origin: string, sessionId: string, apiVersion: string | undefined): string;
  /** Reads a pasted URL's path (decoded); undefined when it is not this API's. */
  recognisePath(path: string): RecognisedPath | undefined;
  /**
   * The headers a request for a session carries, for the curl/PowerShell snippets. `TOKEN_PLACEHOLDER` in a value
   * stands for the credential, which a snippet never carries: each shell writes its own variable there.
   */
  /**
   * Marks only this API's bodies have ("it has \"_links\""), or undefined: lets another kind's parser say that a
   * body belongs to this API (the wrong --kind, the other server's port) instead of calling it malformed.
   */
  bodyEvidence(json: unknown, text: string): string | undefined;
  requestHeaders(apiVersion: string | undefined): ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

export const TOKEN_PLACEHOLDER = '{token}';
