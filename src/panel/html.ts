/**
 * The webview's page: an empty shell that loads dist/webview.js, which builds the UI once the host
 * sends `init`. The Content Security Policy allows nothing by default; the one script runs by a
 * nonce that is new for every render, and styles and fonts come only from the extension's own
 * files (webview.cspSource). No inline handlers, no inline style attributes, no eval.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** What the webview may load: the bundles and the stylesheets, nothing else. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    // The webview is rebuilt from its saved state when shown again: hidden panels cost no memory.
    retainContextWhenHidden: false,
    enableFindWidget: false,
  };
}

export function nonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, language: string): string {
  const scriptNonce = nonce();
  const resource = (...segments: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${resource('dist', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${resource('media', 'controls.css')}">
<link rel="stylesheet" href="${resource('media', 'panel.css')}">
<link rel="stylesheet" href="${resource('media', 'traffic.css')}">
<title>${escapeAttribute(title)}</title>
</head>
<body>
<div id="app" class="app"></div>
<script nonce="${scriptNonce}" src="${resource('dist', 'webview.js')}"></script>
</body>
</html>`;
}
