import * as vscode from 'vscode';
import { ReadOnlyDocuments } from '../editor/ReadOnlyDocuments';
import { ServerSupervisor } from '../server/ServerSupervisor';
import { reportError } from './reportError';

/** Token budget of the map shown in the editor: larger than the agent's default, since a person reads it. */
const MAP_TOKENS = 2048;

/** `Daalu: Show Repo Map`: the ranked repo map, leaning towards the active file, as a read-only document. */
export async function showRepoMap(supervisor: ServerSupervisor, docs: ReadOnlyDocuments): Promise<void> {
    try {
        const focus = activeWorkspaceFile();
        const map = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: 'Daalu: building the repo map' },
            async () => (await supervisor.server()).connection.repoMap({ focus: focus ? [focus] : null, maxTokens: MAP_TOKENS }));
        const header = `# Repo map${focus ? ` focused on ${focus}` : ''}: ${map.files.length} files, ~${map.tokens}/${map.maxTokens} tokens\n\n`;
        const uri = docs.put('repo-map', 'Repo Map.txt', header + map.text);
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, { preview: false });
    } catch (err) {
        reportError('The repo map could not be built', err);
    }
}

/** The active editor's file relative to the workspace, or undefined when it is not a workspace file. */
function activeWorkspaceFile(): string | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) {
        return undefined;
    }
    return vscode.workspace.asRelativePath(uri, false);
}
