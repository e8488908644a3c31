import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFromWebview } from '../../src/chat/messages';

describe('messages from the webview', () => {
    it('accepts each well-formed message', () => {
        assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
        assert.deepEqual(parseFromWebview({ type: 'send', text: 'hi' }), { type: 'send', text: 'hi' });
        assert.deepEqual(parseFromWebview({ type: 'stop', extra: 1 }), { type: 'stop' });
        assert.deepEqual(parseFromWebview({ type: 'newChat' }), { type: 'newChat' });
        assert.deepEqual(parseFromWebview({ type: 'openDiff', approvalId: 'a1' }), { type: 'openDiff', approvalId: 'a1' });
        assert.deepEqual(parseFromWebview({ type: 'decide', approvalId: 'a1', decision: 'deny', reason: '  not now ' }),
            { type: 'decide', approvalId: 'a1', decision: 'deny', reason: 'not now' });
    });

    it('drops a blank denial reason', () => {
        assert.deepEqual(parseFromWebview({ type: 'decide', approvalId: 'a1', decision: 'approve', reason: '  ' }),
            { type: 'decide', approvalId: 'a1', decision: 'approve', reason: undefined });
    });

    it('rejects malformed messages instead of guessing', () => {
        for (const raw of [null, 'send', 42, {}, { type: 'send' }, { type: 'send', text: 3 }, { type: 'eval', code: 'x' },
            { type: 'decide', approvalId: 'a1', decision: 'yes' }, { type: 'decide', decision: 'approve' },
            { type: 'openDiff' }]) {
            assert.equal(parseFromWebview(raw), undefined, JSON.stringify(raw));
        }
    });
});
