import { randomBytes } from 'node:crypto';

/** Where the webview's script and stylesheet are, as webview URIs, and the webview's own CSP source. */
export interface ChatHtmlResources {
    cspSource: string;
    scriptUri: string;
    styleUri: string;
}

/** A fresh nonce for one page: 128 random bits from the platform's CSPRNG. */
export function newNonce(): string {
    return randomBytes(16).toString('base64');
}

/**
 * The chat view's page. Its Content Security Policy allows nothing by default, scripts only with this page's
 * nonce (so no script that rendered Markdown might contain can run), styles and fonts only from the extension,
 * and images only from the extension or data: URIs (no remote image can leak the conversation to a server).
 */
export function chatHtml(resources: ChatHtmlResources, nonce: string): string {
    const csp = [
        "default-src 'none'",
        `style-src ${resources.cspSource}`,
        `font-src ${resources.cspSource}`,
        `img-src ${resources.cspSource} data:`,
        `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${resources.styleUri}">
<title>Daalu</title>
</head>
<body>
<div id="empty" class="empty">Ask Daalu about this workspace. It reads and searches on its own; every file change and command waits for your approval here.</div>
<main id="log" role="log" aria-live="polite" aria-label="Conversation"></main>
<form id="composer" class="composer">
  <textarea id="input" rows="3" aria-label="Message to Daalu" placeholder="Ask Daalu… (Enter to send, Shift+Enter for a new line, Escape to stop)"></textarea>
  <div class="composer-actions">
    <button id="send" type="submit" title="Send (Enter)">Send</button>
    <button id="stop" type="button" class="secondary" title="Stop the running turn (Escape)" hidden>Stop</button>
  </div>
</form>
<script nonce="${nonce}" src="${resources.scriptUri}"></script>
</body>
</html>`;
}
