/** The parts of a page shell that come from VS Code; none of them is server data. */
export interface WebviewPageShell {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri` of the page's bundle (dist/webview/…) and its stylesheet (media/…). */
  scriptUri: string;
  styleUri: string;
  /** Fresh per render (createCspNonce). */
  nonce: string;
}

/** The Content-Security-Policy of every page of ours: only our own script (by nonce), styles, fonts and images. */
export function webviewPageCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A static page shell. It holds no server data at all: the page script receives its data in a message after it
 * says `ready`, and builds the DOM with textContent. `title` and `loading` are our own words.
 */
export function buildWebviewPageHtml(shell: WebviewPageShell, page: { title: string; loading: string }): string {
  const csp = escapeHtml(webviewPageCsp(shell.cspSource, shell.nonce));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(shell.styleUri)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<main id="app" aria-busy="true">
<p class="loading" role="status">${escapeHtml(page.loading)}</p>
</main>
<script nonce="${escapeHtml(shell.nonce)}" src="${escapeHtml(shell.scriptUri)}"></script>
</body>
</html>
`;
}
