import type { SeededRandom } from './seededRandom';

export interface FaultSettings {
  /** Added before every response. */
  latencyMs: number;
  /** 0..1: share of API requests answered 500 with a real Veeam Error body (EM, VBR) / RESTExceptionInfo (VB365). */
  errorRate: number;
  /** 0..1: socket destroyed without a response. */
  resetRate: number;
  /** 0..1: body cut in half (Content-Length of the full body, then connection closed). */
  truncateRate: number;
  /** 0..1: EM XML made malformed (unclosed tag), JSON made invalid. */
  malformedRate: number;
  /** 0..1: an HTML error page with status 502 (like a reverse proxy). */
  html502Rate: number;
  /** 0..1: an HTML page with status 200. */
  htmlOk200Rate: number;
  /** EM bodies prefixed with a UTF-8 BOM (real servers do, A.4.3). */
  bom: boolean;
  /** EM JSON keys camelCase (EM 13 style). */
  camelCaseJson: boolean;
  /** VB365 /token answers 429 with Retry-After: 1. */
  throttleTokens: boolean;
  /** EM /api/query answers 501 with an Error body, as on servers where the query service is not available. */
  queryServiceUnavailable: boolean;
  /**
   * VB365 v1–v7 lists come newest first. Off (the default, as documented): no order is promised before v8's
   * `orderBy`, so those lists come in a stable storage order unrelated to time.
   */
  vb365SortedLists: boolean;
  /**
   * Backup & Replication answers an unsupported or missing x-api-version with the wording a VBR 11 server was seen
   * to send (`Unsupported RESTAPI version. The following versions are supported: v1.0-rev1, ….`) instead of the
   * documented example's "The specified API version is not supported.".
   */
  vbrListSupportedRevisions: boolean;
  /** Backup & Replication refuses POST /api/v1/sessions/{id}/stop with 403 AccessDenied "Forbidden" (no StopSessions right). */
  vbrRefuseStop: boolean;
}

export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  resetRate: 0,
  truncateRate: 0,
  malformedRate: 0,
  html502Rate: 0,
  htmlOk200Rate: 0,
  bom: false,
  camelCaseJson: false,
  throttleTokens: false,
  queryServiceUnavailable: false,
  vb365SortedLists: false,
  vbrListSupportedRevisions: false,
  vbrRefuseStop: false,
});

/** What happens to one response, decided once per request. */
export type ResponseFault = 'none' | 'reset' | 'error' | 'truncate' | 'malformed' | 'html502' | 'htmlOk200';

const RATE_FAULTS: ReadonlyArray<readonly [Exclude<ResponseFault, 'none'>, keyof FaultSettings]> = [
  ['reset', 'resetRate'],
  ['error', 'errorRate'],
  ['truncate', 'truncateRate'],
  ['malformed', 'malformedRate'],
  ['html502', 'html502Rate'],
  ['htmlOk200', 'htmlOk200Rate'],
];

/** One draw per request: the rates are shares of all requests (their sum is capped at 1). */
export function chooseFault(settings: FaultSettings, random: SeededRandom): ResponseFault {
  const roll = random.next();
  let threshold = 0;
  for (const [fault, key] of RATE_FAULTS) {
    threshold += settings[key] as number;
    if (roll < threshold) return fault;
  }
  return 'none';
}

/** Validates a partial settings object coming from the control endpoint or the CLI. */
export function checkFaultSettings(input: unknown): Partial<FaultSettings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('fault settings must be a JSON object');
  const out: Partial<FaultSettings> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(key in NO_FAULTS)) throw new Error(`unknown fault setting: ${key}`);
    const known = key as keyof FaultSettings;
    if (typeof NO_FAULTS[known] === 'boolean') {
      if (typeof value !== 'boolean') throw new Error(`${key} must be true or false`);
      Object.assign(out, { [known]: value });
    } else {
      const limit = known === 'latencyMs' ? Number.MAX_SAFE_INTEGER : 1;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > limit) {
        throw new Error(`${key} must be a number between 0 and ${known === 'latencyMs' ? 'any' : '1'}`);
      }
      Object.assign(out, { [known]: value });
    }
  }
  return out;
}

/** The HTML bodies a reverse proxy or the EM web console would send instead of API data. */
export const HTML_502_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';
export const HTML_OK_PAGE =
  '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Veeam Backup Enterprise Manager</title></head>\n<body><div id="app">Loading…</div><script src="/scripts/app.js"></script></body></html>\n';

/** Breaks a body the way a cut-off server would: XML loses its last closing tag, JSON its last brace. */
export function malform(body: string, contentType: string): string {
  if (contentType.includes('xml')) {
    const lastClose = body.lastIndexOf('</');
    return lastClose > 0 ? body.slice(0, lastClose) : body.replace(/\/>\s*$/, '>');
  }
  const trimmed = body.trimEnd();
  return trimmed.length > 1 ? trimmed.slice(0, -1) + ',' : '{';
}
