import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InitializeResult } from '../../src/protocol';
import { StatusModel } from '../../src/status/statusModel';

const initialized: InitializeResult = {
    serverInfo: { name: 'daalu', version: '1' },
    model: { id: 'qwen2.5-coder-14b-awq', displayName: 'Qwen2.5-Coder 14B AWQ', servedName: 'qwen2.5-coder-14b', contextWindow: 32768 },
    routing: { eligible: true, tierId: 'own', tierKind: 'own-gpu', endpoint: 'http://127.0.0.1:8000/v1', reason: 'own GPU' },
    capabilities: { tools: [], approvalTools: [], streaming: true, sessions: true },
};

describe('the status bar model', () => {
    it('shows index progress while indexing, then the model in use', () => {
        const status = new StatusModel();
        status.starting();
        assert.equal(status.view().text, '$(sync~spin) Daalu: starting');
        status.report({ token: 'index-1', value: { kind: 'begin', title: 'Indexing', percentage: 0 } });
        status.ready(initialized);
        status.report({ token: 'index-1', value: { kind: 'report', message: '120/400 files', percentage: 30 } });
        const during = status.view();
        assert.equal(during.text, '$(sync~spin) Daalu: Indexing 30%');
        assert.match(during.tooltip, /^Indexing: 120\/400 files\nModel: Qwen2.5-Coder 14B AWQ/);
        status.report({ token: 'index-1', value: { kind: 'end' } });
        assert.equal(status.view().text, '$(hubot) Daalu: Qwen2.5-Coder 14B AWQ');
        assert.match(status.view().tooltip, /qwen2.5-coder-14b, 32768 tokens\) at http:\/\/127.0.0.1:8000\/v1/);
    });

    it('warns when no model can serve, with the routing reason', () => {
        const status = new StatusModel();
        status.ready({ ...initialized, model: null, routing: { ...initialized.routing!, eligible: false, reason: 'No tier configured' } });
        assert.deepEqual(status.view(), { text: '$(warning) Daalu: no model', tooltip: 'No tier configured', warning: true });
    });

    it('shows a failed start and a stopped server as warnings', () => {
        const status = new StatusModel();
        status.failed('Daalu needs Java 21 or newer');
        assert.deepEqual(status.view(), { text: '$(error) Daalu', tooltip: 'Daalu needs Java 21 or newer', warning: true });
        status.stopped('The Daalu server stopped (exit code 1)');
        assert.equal(status.view().tooltip, 'The Daalu server stopped (exit code 1). Your next message restarts it.');
    });
});
