/** The parts of the page shell that come from VS Code; none of them is server data. */
export interface SessionPanelShell {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri` of dist/webview/main.js and media/webview.css. */
  scriptUri: string;
  styleUri: string;
  /** Fresh per render (createCspNonce). */
  nonce: string;
}

/** The Content-Security-Policy of the session page: only our own script (by nonce), styles, fonts and images. */
export function sessionPanelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The static page shell. It holds no server data at all: the page script receives the session in a message
 * after it says `ready`, and builds the DOM with textContent.
 */
export function buildSessionPanelHtml(shell: SessionPanelShell): string {
  const csp = escapeAttribute(sessionPanelCsp(shell.cspSource, shell.nonce));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(shell.styleUri)}">
<title>Restore session</title>
</head>
<body>
<main id="app" aria-busy="true">
<p class="loading" role="status">Loading restore session…</p>
</main>
<script nonce="${escapeAttribute(shell.nonce)}" src="${escapeAttribute(shell.scriptUri)}"></script>
</body>
</html>
`;
}
