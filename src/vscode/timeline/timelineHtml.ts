import { sessionPanelCsp } from '../panel/sessionPanelHtml';

/** The parts of the page shell that come from VS Code; none of them is server data. */
export interface TimelineShell {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The static shell of the Restore Activity page, under the session page's CSP (own script by nonce, no inline
 * styles). It holds no server data: the sessions arrive in a message after the page says `ready`.
 */
export function buildTimelineHtml(shell: TimelineShell): string {
  const csp = escapeAttribute(sessionPanelCsp(shell.cspSource, shell.nonce));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(shell.styleUri)}">
<title>Restore Activity</title>
</head>
<body>
<main id="app" aria-busy="true">
<p class="loading" role="status">Loading restore activity…</p>
</main>
<script nonce="${escapeAttribute(shell.nonce)}" src="${escapeAttribute(shell.scriptUri)}"></script>
</body>
</html>
`;
}
