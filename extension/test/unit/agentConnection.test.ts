import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { AgentConnection, describeExit } from '../../src/server/AgentConnection';

const echo = path.resolve(__dirname, '../fixtures/echoServer.js');
const noop = () => undefined;
const events = {
    delta: noop, toolCall: noop, toolResult: noop, notice: noop, approvalWithdrawn: noop, progress: noop, stderr: noop,
    approvalRequest: async () => ({ decision: 'deny' as const }),
};

describe('the connection to the server process', () => {
    const connection = AgentConnection.start({ command: process.execPath, args: [echo], env: process.env }, process.cwd(), events);
    after(() => connection.stop(2_000));

    it('sends every request\'s params as one object, with or without a cancellation token', async () => {
        const token = new CancellationTokenSource().token;
        const sent = await Promise.all([
            connection.initialize({ workspaceRoot: '/ws', clientInfo: { name: 't', version: '0' } }),
            connection.chatSend({ sessionId: null, message: 'hi' }),
            connection.chatSend({ sessionId: 's1', message: 'hi' }, token),
            connection.chatCancel('s1'),
            connection.repoMap({ focus: ['main.tf'], maxTokens: 2048 }),
            connection.search({ query: 'bucket', maxResults: 10 }),
            connection.search({ query: 'bucket' }, token),
        ]) as unknown as { method: string; params: unknown }[];
        assert.deepEqual(sent, [
            { method: 'initialize', params: { workspaceRoot: '/ws', clientInfo: { name: 't', version: '0' } } },
            { method: 'chat/send', params: { sessionId: null, message: 'hi' } },
            { method: 'chat/send', params: { sessionId: 's1', message: 'hi' } },
            { method: 'chat/cancel', params: { sessionId: 's1' } },
            { method: 'repoMap/get', params: { focus: ['main.tf'], maxTokens: 2048 } },
            { method: 'search/query', params: { query: 'bucket', maxResults: 10 } },
            { method: 'search/query', params: { query: 'bucket' } },
        ]);
        assert.equal(connection.activeTurns, 0);
    });

    it('reports a process that cannot be started', async () => {
        const missing = AgentConnection.start({ command: '/nonexistent/java', args: [], env: process.env }, process.cwd(), events);
        const info = await missing.exited;
        assert.match(describeExit(info), /^The Daalu server could not be started: spawn \/nonexistent\/java ENOENT\.$/);
        assert.equal(missing.running, false);
    });
});
