import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chatHtml, newNonce } from '../../src/chat/chatHtml';

describe('the chat page', () => {
    const resources = { cspSource: 'https://webview.example', scriptUri: 'https://webview.example/webview.js', styleUri: 'https://webview.example/webview.css' };

    it('allows only its own nonce-carrying script and nothing remote', () => {
        const nonce = newNonce();
        const html = chatHtml(resources, nonce);
        const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
        assert.match(csp, /^default-src 'none'; /);
        assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, c => `\\${c}`)}'`));
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
        assert.match(csp, /img-src https:\/\/webview.example data:/);
        const scripts = html.match(/<script[^>]*>/g) ?? [];
        assert.deepEqual(scripts, [`<script nonce="${nonce}" src="${resources.scriptUri}">`]);
    });

    it('uses a fresh 128-bit nonce each time', () => {
        const nonces = new Set(Array.from({ length: 50 }, newNonce));
        assert.equal(nonces.size, 50);
        assert.equal(Buffer.from([...nonces][0], 'base64').length, 16);
    });
});
