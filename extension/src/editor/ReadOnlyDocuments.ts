import * as vscode from 'vscode';

/**
 * Read-only virtual documents (scheme `daalu`): the repo map, and the proposed side of a change's diff. Content is
 * set before the document is opened and kept for the rest of the session, so a diff tab still shows what was
 * proposed after the approval was answered.
 */
export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider {
    static readonly scheme = 'daalu';
    private readonly contents = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;

    /**
     * Stores `content` under a URI whose path ends in `fileName` (so the editor picks the language from it) and
     * returns that URI. Setting the same `key` again replaces the content of an open document.
     */
    put(key: string, fileName: string, content: string): vscode.Uri {
        const uri = vscode.Uri.from({ scheme: ReadOnlyDocuments.scheme, path: `/${key}/${fileName}` });
        this.contents.set(uri.toString(), content);
        this.changed.fire(uri);
        return uri;
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.contents.get(uri.toString()) ?? '';
    }

    dispose(): void {
        this.changed.dispose();
    }
}
