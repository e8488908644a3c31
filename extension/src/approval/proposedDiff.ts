import * as path from 'node:path';
import * as vscode from 'vscode';
import { ReadOnlyDocuments } from '../editor/ReadOnlyDocuments';
import { ApprovalBroker } from './ApprovalBroker';

/**
 * Opens VS Code's diff editor for a pending write: the file as it is now on the left (empty for a new file), the
 * server's proposed content on the right, read-only. Nothing is written: only Approve in the chat applies it.
 */
export async function openProposedDiff(broker: ApprovalBroker, docs: ReadOnlyDocuments, approvalId: string): Promise<void> {
    const preview = broker.get(approvalId)?.preview;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!preview || preview.kind !== 'write' || !preview.path || typeof preview.proposedContent !== 'string' || !folder) {
        void vscode.window.showInformationMessage('That change is no longer waiting for approval.');
        return;
    }
    const proposed = docs.put(`proposed/${approvalId}`, preview.path, preview.proposedContent);
    const current = preview.newFile
        ? docs.put(`current/${approvalId}`, preview.path, '')
        : vscode.Uri.joinPath(folder.uri, preview.path);
    const title = `${path.basename(preview.path)}: current ↔ proposed by Daalu${preview.newFile ? ' (new file)' : ''}`;
    await vscode.commands.executeCommand('vscode.diff', current, proposed, title, { preview: true });
}
