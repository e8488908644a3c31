import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Entry, ToolEntry, ToWebview } from '../../src/chat/messages';
import { Transcript } from '../../src/chat/Transcript';
import { ApprovalRequestParams, ChatSendResult } from '../../src/protocol';

const ids = { sessionId: 's1', turnId: 't1' };

function transcript(): { t: Transcript; sent: ToWebview[] } {
    const sent: ToWebview[] = [];
    return { t: new Transcript(m => sent.push(m)), sent };
}

function done(text: string, outcome: ChatSendResult['outcome'] = 'completed'): ChatSendResult {
    return { ...ids, outcome, text, error: null, steps: 1 };
}

function writeApproval(): ApprovalRequestParams {
    return {
        ...ids, approvalId: 'a1', callId: 'c1', tool: 'write_file', arguments: { path: 'main.tf' },
        preview: { kind: 'write', summary: 'Edit main.tf (+1 -0)', path: 'main.tf', diff: '+x\n', newFile: false, proposedContent: 'x\n' },
    };
}

const kinds = (entries: Entry[]) => entries.map(e => e.kind);

describe('the transcript', () => {
    it('streams deltas into one answer and sends only the new text', () => {
        const { t, sent } = transcript();
        t.user('explain');
        t.delta('The ');
        t.delta('bucket');
        t.turnEnded(done('The bucket'));
        const state = t.snapshot();
        assert.deepEqual(kinds(state.entries), ['user', 'assistant']);
        assert.equal((state.entries[1] as { text: string }).text, 'The bucket');
        assert.deepEqual(sent.filter(m => m.type === 'append').map(m => (m as { text: string }).text), ['bucket']);
    });

    it('starts a new answer after a tool call, in protocol order', () => {
        const { t } = transcript();
        t.user('fix it');
        t.delta('Reading first.');
        t.toolCall({ ...ids, callId: 'c1', tool: 'read_file', arguments: { path: 'main.tf' }, needsApproval: false });
        t.toolResult({ ...ids, callId: 'c1', tool: 'read_file', status: 'ok', output: 'resource {}', truncated: false });
        t.delta('Done.');
        t.turnEnded(done('Done.'));
        const state = t.snapshot();
        assert.deepEqual(kinds(state.entries), ['user', 'assistant', 'tool', 'assistant']);
        const tool = state.entries[2] as ToolEntry;
        assert.equal(tool.state, 'ok');
        assert.equal(tool.output, 'resource {}');
        assert.equal(tool.args, '{\n  "path": "main.tf"\n}');
        assert.ok(state.entries.every(e => e.kind !== 'assistant' || !e.streaming));
    });

    it('keeps streaming into the same answer across a notice', () => {
        const { t } = transcript();
        t.user('go');
        t.delta('Hello, ');
        t.notice('info', 'History condensed to fit.');
        t.delta('world');
        t.turnEnded(done('Hello, world'));
        const entries = t.snapshot().entries;
        assert.deepEqual(kinds(entries), ['user', 'assistant', 'notice']);
        assert.equal((entries[1] as { text: string }).text, 'Hello, world');
    });

    it('shows the server\'s final text as the answer, replacing what was streamed', () => {
        const { t } = transcript();
        t.delta('```json\n{"name": "read_file"}\n```');
        t.turnEnded(done('The README says hello.'));
        assert.equal((t.snapshot().entries[0] as { text: string }).text, 'The README says hello.');
    });

    it('puts an approval into its tool card and records the decision', () => {
        const { t } = transcript();
        t.toolCall({ ...ids, callId: 'c1', tool: 'write_file', arguments: { path: 'main.tf' }, needsApproval: true });
        t.approvalRequested(writeApproval());
        let tool = t.snapshot().entries[0] as ToolEntry;
        assert.equal(tool.approval?.state, 'pending');
        assert.equal(tool.approval?.canOpenDiff, true);
        assert.equal(tool.approval?.diff, '+x\n');
        t.approvalSettled('a1', 'denied', 'wrong bucket');
        tool = t.snapshot().entries[0] as ToolEntry;
        assert.equal(tool.approval?.state, 'denied');
        assert.equal(tool.approval?.reason, 'wrong bucket');
        t.approvalSettled('a1', 'approved');
        assert.equal((t.snapshot().entries[0] as ToolEntry).approval?.state, 'denied', 'a settled approval stays settled');
    });

    it('shows a command approval with its exact command and working directory', () => {
        const { t } = transcript();
        t.approvalRequested({
            ...ids, approvalId: 'a2', callId: 'c2', tool: 'run_command', arguments: { command: 'ls && rm -rf x' },
            preview: { kind: 'command', summary: 'Run a command', command: 'ls && rm -rf x', cwd: 'modules/s3', timeoutSeconds: 120 },
        });
        const approval = (t.snapshot().entries[0] as ToolEntry).approval!;
        assert.equal(approval.command, 'ls && rm -rf x');
        assert.equal(approval.cwd, 'modules/s3');
        assert.equal(approval.timeoutSeconds, 120);
        assert.equal(approval.canOpenDiff, false);
    });

    it('reports a turn that did not complete as a notice, and cancels what was still running', () => {
        const { t } = transcript();
        t.setBusy(true);
        t.toolCall({ ...ids, callId: 'c1', tool: 'run_command', arguments: {}, needsApproval: true });
        t.approvalRequested({ ...writeApproval(), callId: 'c1' });
        t.turnEnded({ ...done('', 'error'), error: { code: -32012, reason: 'context_length', message: 'The prompt did not fit.' } });
        const state = t.snapshot();
        assert.equal(state.busy, false);
        const tool = state.entries[0] as ToolEntry;
        assert.equal(tool.state, 'cancelled');
        assert.equal(tool.approval?.state, 'withdrawn');
        assert.deepEqual({ ...state.entries[1], id: undefined }, { kind: 'notice', id: undefined, level: 'error', text: 'The prompt did not fit.' });
    });

    it('restores a saved conversation without anything left in flight', () => {
        const { t } = transcript();
        t.user('go');
        t.setBusy(true);
        t.delta('half');
        t.toolCall({ ...ids, callId: 'c1', tool: 'write_file', arguments: {}, needsApproval: true });
        t.approvalRequested(writeApproval());
        const saved = JSON.parse(JSON.stringify(t.snapshot()));
        const restored = transcript();
        restored.t.restore(saved);
        const state = restored.t.snapshot();
        assert.equal(state.busy, false);
        assert.equal((state.entries[2] as ToolEntry).approval?.state, 'expired');
        assert.equal((state.entries[2] as ToolEntry).state, 'cancelled');
        assert.ok(state.entries.every(e => e.kind !== 'assistant' || !e.streaming));
        restored.t.user('again');
        const newIds = restored.t.snapshot().entries.map(e => e.id);
        assert.equal(new Set(newIds).size, newIds.length, 'restored ids are not reused');
        assert.equal(restored.sent[0].type, 'state');
    });

    it('gives a call id the model reuses in a later response its own card', () => {
        const { t } = transcript();
        const call = { ...ids, callId: 'call_function_1', tool: 'read_file', needsApproval: false };
        t.toolCall({ ...call, arguments: { path: 'a.tf' } });
        t.toolResult({ ...ids, callId: 'call_function_1', tool: 'read_file', status: 'ok', output: 'A', truncated: false });
        t.toolCall({ ...call, arguments: { path: 'b.tf' } });
        t.toolResult({ ...ids, callId: 'call_function_1', tool: 'read_file', status: 'error', output: 'B', truncated: false });
        t.toolCall({ ...call, turnId: 't2', arguments: { path: 'c.tf' } });
        const tools = t.snapshot().entries as ToolEntry[];
        assert.deepEqual(tools.map(e => [e.args.includes('a.tf') ? 'a' : e.args.includes('b.tf') ? 'b' : 'c', e.state, e.output]),
            [['a', 'ok', 'A'], ['b', 'error', 'B'], ['c', 'running', undefined]]);
        assert.equal(new Set(tools.map(e => e.id)).size, 3);
    });

    it('shows the same notice twice in a row once', () => {
        const { t } = transcript();
        t.notice('error', 'Daalu needs Java 21 or newer');
        t.notice('error', 'Daalu needs Java 21 or newer');
        t.user('hi');
        t.notice('error', 'Daalu needs Java 21 or newer');
        assert.deepEqual(kinds(t.snapshot().entries), ['notice', 'user', 'notice']);
    });

    it('ignores results and decisions for ids it never saw, without throwing', () => {
        const { t } = transcript();
        t.approvalSettled('nope', 'approved');
        t.toolResult({ ...ids, callId: 'late', tool: 'read_file', status: 'ok', output: 'x', truncated: false });
        assert.deepEqual(kinds(t.snapshot().entries), ['tool']);
    });
});
