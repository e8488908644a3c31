import { DidChangeWatchedFilesParams } from '../protocol';

type ChangeType = DidChangeWatchedFilesParams['changes'][number]['type'];

/** File-change types, as in LSP. */
export const FileChange = { created: 1, changed: 2, deleted: 3 } as const;

/**
 * Collects the editor's file-system events and hands them on in batches, one entry per file: a branch switch
 * produces thousands of events, and the index wants each file once. A file's last event wins, except that a change
 * after a creation is still a creation.
 */
export class FileChangeBatcher {
    private readonly pending = new Map<string, ChangeType>();
    private timer?: ReturnType<typeof setTimeout>;

    constructor(private readonly deliver: (params: DidChangeWatchedFilesParams) => void, private readonly delayMs = 300) {}

    add(uri: string, type: ChangeType): void {
        const previous = this.pending.get(uri);
        this.pending.set(uri, previous === FileChange.created && type === FileChange.changed ? FileChange.created : type);
        this.timer ??= setTimeout(() => this.flush(), this.delayMs);
    }

    /** Delivers what is pending now (nothing when empty). */
    flush(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        if (this.pending.size === 0) {
            return;
        }
        const changes = [...this.pending].map(([uri, type]) => ({ uri, type }));
        this.pending.clear();
        this.deliver({ changes });
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.pending.clear();
    }
}
