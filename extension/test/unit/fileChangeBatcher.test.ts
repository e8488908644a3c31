import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DidChangeWatchedFilesParams } from '../../src/protocol';
import { FileChange, FileChangeBatcher } from '../../src/server/FileChangeBatcher';

describe('file change batching', () => {
    it('sends each file once, with its last change, and a created file stays created', () => {
        const delivered: DidChangeWatchedFilesParams[] = [];
        const batcher = new FileChangeBatcher(p => delivered.push(p), 60_000);
        batcher.add('file:///ws/a.tf', FileChange.changed);
        batcher.add('file:///ws/a.tf', FileChange.changed);
        batcher.add('file:///ws/new.tf', FileChange.created);
        batcher.add('file:///ws/new.tf', FileChange.changed);
        batcher.add('file:///ws/gone.tf', FileChange.changed);
        batcher.add('file:///ws/gone.tf', FileChange.deleted);
        batcher.flush();
        assert.deepEqual(delivered, [{ changes: [
            { uri: 'file:///ws/a.tf', type: 2 }, { uri: 'file:///ws/new.tf', type: 1 }, { uri: 'file:///ws/gone.tf', type: 3 },
        ] }]);
        batcher.flush();
        assert.equal(delivered.length, 1, 'nothing pending, nothing sent');
        batcher.dispose();
    });

    it('delivers by itself after the delay', async () => {
        const delivered = await new Promise<DidChangeWatchedFilesParams>(resolve => {
            const batcher = new FileChangeBatcher(resolve, 1);
            batcher.add('file:///ws/a.tf', FileChange.created);
        });
        assert.deepEqual(delivered.changes, [{ uri: 'file:///ws/a.tf', type: 1 }]);
    });
});
