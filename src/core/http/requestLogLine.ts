import type { HttpMethod } from './httpExchange';

/**
 * `GET https://host:9398/api/query?… → 200 (12 ms, 4.1 KB)`. Only method, URL and outcome: headers
 * (Authorization, X-RestSvcSessionId) and bodies (passwords, tokens) are never part of a log line, and
 * no secret travels in a URL in either API (except EM's logon session id, see below).
 */
export function requestLogLine(method: HttpMethod, rawUrl: string, outcome: { status: number; bytes: number } | { error: string }, elapsedMs: number): string {
  const url = withoutLogonSessionId(rawUrl);
  const ms = `${Math.round(elapsedMs)} ms`;
  if ('error' in outcome) return `${method} ${url} → failed: ${outcome.error} (${ms})`;
  return `${method} ${url} → ${outcome.status} (${ms}, ${formatBytes(outcome.bytes)})`;
}

/**
 * EM's session token is base64 of the logon session id (veeam-api.md A.2), so `/api/logonSessions/{id}` (session
 * check, logoff) would put a usable token into the log: the id is replaced by `{id}`.
 */
function withoutLogonSessionId(url: string): string {
  return url.replace(/(\/logonSessions\/)[^/?#]+/gi, '$1{id}');
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
