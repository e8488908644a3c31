import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { ApprovalBroker, ApprovalSettled } from '../../src/approval/ApprovalBroker';
import { ApprovalRequestParams } from '../../src/protocol';

function request(approvalId: string): ApprovalRequestParams {
    return {
        sessionId: 's', turnId: 't', approvalId, callId: `c-${approvalId}`, tool: 'run_command', arguments: {},
        preview: { kind: 'command', summary: 'Run it', command: 'make', cwd: '.' },
    };
}

describe('the approval broker', () => {
    it('answers approve only for an explicit Approve of that id', async () => {
        const broker = new ApprovalBroker();
        const first = broker.request(request('a1'));
        const second = broker.request(request('a2'));
        assert.equal(broker.decide('a2', 'approve'), true);
        assert.deepEqual(await second, { decision: 'approve' });
        assert.equal(broker.get('a1')?.approvalId, 'a1');
        assert.equal(broker.decide('a1', 'deny', 'too risky'), true);
        assert.deepEqual(await first, { decision: 'deny', reason: 'too risky' });
        assert.equal(broker.size, 0);
    });

    it('ignores a second answer and answers to unknown ids', async () => {
        const broker = new ApprovalBroker();
        const answer = broker.request(request('a1'));
        broker.decide('a1', 'deny');
        assert.equal(broker.decide('a1', 'approve'), false);
        assert.equal(broker.decide('zzz', 'approve'), false);
        assert.deepEqual(await answer, { decision: 'deny', reason: null });
    });

    it('denies when the server withdraws the request or cancels it', async () => {
        const broker = new ApprovalBroker();
        const settled: ApprovalSettled[] = [];
        broker.onDidSettle(s => settled.push(s));
        const withdrawn = broker.request(request('a1'));
        const source = new CancellationTokenSource();
        const cancelled = broker.request(request('a2'), source.token);
        broker.withdraw('a1', 'turn cancelled');
        source.cancel();
        assert.equal((await withdrawn).decision, 'deny');
        assert.equal((await cancelled).decision, 'deny');
        assert.deepEqual(settled.map(s => [s.approvalId, s.state]), [['a1', 'withdrawn'], ['a2', 'withdrawn']]);
        assert.equal(broker.decide('a2', 'approve'), false, 'an approval after the cancel is too late');
    });

    it('denies everything pending at once', async () => {
        const broker = new ApprovalBroker();
        const answers = [broker.request(request('a1')), broker.request(request('a2'))];
        broker.denyAll('expired', 'server stopped');
        assert.deepEqual((await Promise.all(answers)).map(a => a.decision), ['deny', 'deny']);
        assert.equal(broker.get('a1'), undefined);
    });
});
