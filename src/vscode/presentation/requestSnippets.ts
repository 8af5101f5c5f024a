import type { ServerKind } from '../../core/model/restoreSession';

/**
 * Shell snippets that fetch a session the way the extension does. The token is always a placeholder the
 * user fills in ($VEEAM_TOKEN / $env:VEEAM_TOKEN): a snippet on the clipboard must never carry a secret.
 */
export function curlSnippet(kind: ServerKind, url: string): string {
  const auth = kind === 'em' ? 'X-RestSvcSessionId: $VEEAM_TOKEN' : 'Authorization: Bearer $VEEAM_TOKEN';
  // Double quotes so the shell expands the placeholder; the URL goes in single quotes so nothing in it expands.
  return `curl -sS -H "${auth}" -H "Accept: application/json" ${posixQuote(url)}`;
}

export function powerShellSnippet(kind: ServerKind, url: string): string {
  const header = kind === 'em' ? `'X-RestSvcSessionId' = $env:VEEAM_TOKEN` : `'Authorization' = "Bearer $env:VEEAM_TOKEN"`;
  return `Invoke-RestMethod -Uri ${powerShellQuote(url)} -Headers @{ ${header}; 'Accept' = 'application/json' }`;
}

/** POSIX single-quoting: `'` becomes `'\''`. */
export function posixQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** PowerShell verbatim string: `'` doubles, and the typographic quotes PowerShell also treats as quotes double too. */
export function powerShellQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}
