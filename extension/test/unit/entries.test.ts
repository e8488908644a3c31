import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { ToolEntry } from '../../src/chat/messages';
import { renderEntry } from '../../webview/entries';
import { createMarkdownRenderer } from '../../webview/markdown';

function setup() {
    const dom = new JSDOM('<!DOCTYPE html><body></body>');
    const window = dom.window as unknown as Window;
    const calls: unknown[][] = [];
    const actions = {
        decide: (...args: unknown[]) => { calls.push(['decide', ...args]); },
        openDiff: (...args: unknown[]) => { calls.push(['openDiff', ...args]); },
    };
    return { doc: window.document, render: createMarkdownRenderer(window), actions, calls };
}

const writeCard: ToolEntry = {
    kind: 'tool', id: 't1', turnId: 'turn', callId: 'c1', tool: 'write_file', args: '{\n  "path": "main.tf"\n}', state: 'running',
    approval: {
        approvalId: 'a1', kind: 'write', summary: 'Edit main.tf (+1 -1)', path: 'main.tf',
        diff: '--- a/main.tf\n+++ b/main.tf\n@@ -1 +1 @@\n-old\n+new <img src=x onerror=alert(1)>\n', canOpenDiff: true, state: 'pending',
    },
};

describe('entry rendering in the webview', () => {
    it('shows a pending write open, with its diff lines as text and Open diff / Approve / Deny', () => {
        const { doc, render, actions, calls } = setup();
        const node = renderEntry(doc, writeCard, render, actions);
        assert.equal(node.querySelector('details')?.open, true);
        assert.equal(node.querySelector('.tool-target')?.textContent, 'main.tf');
        assert.equal(node.querySelector('.tool-status')?.textContent, 'needs approval');
        assert.deepEqual([...node.querySelectorAll('.diff .line')].map(l => l.className),
            ['line file', 'line file', 'line hunk', 'line del', 'line add']);
        assert.equal(node.querySelector('img'), null, 'diff text is never parsed as HTML');
        (node.querySelector('button.open-diff') as HTMLButtonElement).click();
        (node.querySelector('button.approve') as HTMLButtonElement).click();
        (node.querySelector('input.reason') as HTMLInputElement).value = 'wrong region';
        (node.querySelector('button.deny') as HTMLButtonElement).click();
        assert.deepEqual(calls, [['openDiff', 'a1'], ['decide', 'a1', 'approve'], ['decide', 'a1', 'deny', 'wrong region']]);
    });

    it('denies with Enter in the reason box', () => {
        const { doc, render, actions, calls } = setup();
        const node = renderEntry(doc, writeCard, render, actions);
        const reason = node.querySelector('input.reason') as HTMLInputElement;
        reason.value = 'no';
        reason.dispatchEvent(new doc.defaultView!.KeyboardEvent('keydown', { key: 'Enter' }));
        assert.deepEqual(calls, [['decide', 'a1', 'deny', 'no']]);
    });

    it('shows a command exactly, with its working directory', () => {
        const { doc, render, actions } = setup();
        const node = renderEntry(doc, {
            kind: 'tool', id: 't2', turnId: 'turn', callId: 'c2', tool: 'run_command', args: '{}', state: 'running',
            approval: { approvalId: 'a2', kind: 'command', summary: 'Run a command', command: 'ls; touch /tmp/x', cwd: 'infra', timeoutSeconds: 60, canOpenDiff: false, state: 'pending' },
        }, render, actions);
        assert.equal(node.querySelector('pre.command')?.textContent, 'ls; touch /tmp/x');
        assert.equal(node.querySelector('.cwd')?.textContent, 'Working directory: infra · timeout 60s');
        assert.equal(node.querySelector('button.open-diff'), null);
    });

    it('replaces the buttons by the decision once settled, and keeps tool output as text', () => {
        const { doc, render, actions } = setup();
        const node = renderEntry(doc, {
            ...writeCard, state: 'denied', output: '<script>alert(1)</script>', truncated: true,
            approval: { ...writeCard.approval!, state: 'denied', reason: 'wrong file' },
        }, render, actions);
        assert.equal(node.querySelector('button'), null);
        assert.equal(node.querySelector('.decision')?.textContent, 'Denied: wrong file');
        assert.equal(node.querySelector('details')?.open, false);
        assert.equal(node.querySelector('pre.output')?.textContent, '<script>alert(1)</script>');
        assert.equal(node.querySelector('script'), null);
        assert.equal(node.querySelector('.tool-result summary')?.textContent, 'Result (truncated)');
    });

    it('renders an assistant answer through the sanitiser and user text as text', () => {
        const { doc, render, actions } = setup();
        const answer = renderEntry(doc, { kind: 'assistant', id: 'a1', text: '**ok** <b onclick=x>raw</b>', streaming: true }, render, actions);
        assert.equal(answer.querySelector('strong')?.textContent, 'ok');
        assert.equal(answer.querySelector('b'), null);
        assert.ok(answer.querySelector('.markdown.streaming'));
        const user = renderEntry(doc, { kind: 'user', id: 'u1', text: '<i>hi</i>' }, render, actions);
        assert.equal(user.querySelector('i'), null);
        assert.equal(user.textContent, '<i>hi</i>');
    });
});
