/**
 * The energy panel's HTML shell. Pure (no vscode import) so the Chromium tests load the very same
 * page, Content-Security-Policy included, that VS Code shows.
 */

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the only origin styles may come from. */
  cspSource: string;
  /** `asWebviewUri` of dist/webview.js and dist/webview.css. */
  scriptUri: string;
  styleUri: string;
  /** Fresh per page: only the script carrying it runs. */
  nonce: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A nonce from a CSPRNG: 128 bits, base64. */
export function createNonce(randomBytes: (size: number) => Uint8Array): string {
  const bytes = randomBytes(16);
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary);
}

export function panelHtml(options: PanelHtmlOptions): string {
  // Nothing else is allowed: no images, fonts, frames or connections (default-src 'none').
  const csp = ["default-src 'none'", `style-src ${options.cspSource}`, `script-src 'nonce-${options.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>Energy</title>
</head>
<body>
<main id="mvp-panel" aria-live="off"><p class="loading">Loading…</p></main>
<script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}
