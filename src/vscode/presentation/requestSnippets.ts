import { TOKEN_PLACEHOLDER } from '../../core/kinds/kindDescriptor';
import { kindDescriptor } from '../../core/kinds/serverKinds';
import type { ServerConfig } from '../../core/model/serverConfig';

/**
 * Shell snippets that fetch a session the way the extension does, with the headers its kind needs. The token is
 * always a placeholder the user fills in ($VEEAM_TOKEN / $env:VEEAM_TOKEN): a snippet on the clipboard must never
 * carry a secret.
 */
export function curlSnippet(server: Pick<ServerConfig, 'kind' | 'apiVersion'>, url: string): string {
  // Double quotes so the shell expands the placeholder; the URL goes in single quotes so nothing in it expands.
  const headers = kindDescriptor(server.kind)
    .requestHeaders(server.apiVersion)
    .map((h) => `-H "${h.name}: ${h.value.replace(TOKEN_PLACEHOLDER, '$VEEAM_TOKEN')}"`);
  return `curl -sS ${headers.join(' ')} ${posixQuote(url)}`;
}

export function powerShellSnippet(server: Pick<ServerConfig, 'kind' | 'apiVersion'>, url: string): string {
  const headers = kindDescriptor(server.kind)
    .requestHeaders(server.apiVersion)
    .map((h) => `${powerShellQuote(h.name)} = ${powerShellValue(h.value)}`);
  return `Invoke-RestMethod -Uri ${powerShellQuote(url)} -Headers @{ ${headers.join('; ')} }`;
}

/** The token variable bare or inside a double-quoted string (so PowerShell expands it); other values verbatim. */
function powerShellValue(value: string): string {
  if (value === TOKEN_PLACEHOLDER) return '$env:VEEAM_TOKEN';
  if (value.includes(TOKEN_PLACEHOLDER)) return `"${value.replace(TOKEN_PLACEHOLDER, '$env:VEEAM_TOKEN')}"`;
  return powerShellQuote(value);
}

/** POSIX single-quoting: `'` becomes `'\''`. */
export function posixQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** PowerShell verbatim string: `'` doubles, and the typographic quotes PowerShell also treats as quotes double too. */
export function powerShellQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}
