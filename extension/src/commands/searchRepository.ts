import * as vscode from 'vscode';
import { SearchHit } from '../protocol';
import { ServerSupervisor } from '../server/ServerSupervisor';
import { reportError } from './reportError';

interface HitItem extends vscode.QuickPickItem {
    hit: SearchHit;
}

/** `Daalu: Search Repository`: asks for a query, lists `search/query` hits, and opens the picked one at its line. */
export async function searchRepository(supervisor: ServerSupervisor): Promise<void> {
    const query = await vscode.window.showInputBox({
        title: 'Daalu: Search Repository',
        prompt: 'Text or identifier to find (prefix with / for a regular expression)',
        value: selectedWord(),
    });
    if (!query || !query.trim()) {
        return;
    }
    const regex = query.startsWith('/') && query.length > 1;
    try {
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: 'Daalu: searching' },
            async () => (await supervisor.server()).connection.search({ query: regex ? query.slice(1) : query, regex, maxResults: 200 }));
        if (result.hits.length === 0) {
            const binary = result.binaryFilesMatched.length ? ` (${result.binaryFilesMatched.length} binary files match)` : '';
            void vscode.window.showInformationMessage(`Daalu found no matches for "${query}"${binary}.`);
            return;
        }
        const items: HitItem[] = result.hits.map(hit => ({
            label: `${hit.path}:${hit.line}`,
            description: hit.text.trim(),
            hit,
        }));
        const more = result.truncated ? `, showing ${result.hits.length}` : '';
        const picked = await vscode.window.showQuickPick(items, {
            title: `Daalu: ${result.total} matches in ${result.filesMatched} files${more} (${result.mode})`,
            placeHolder: 'Pick a match to open it',
            matchOnDescription: true,
        });
        if (picked) {
            await openHit(picked.hit);
        }
    } catch (err) {
        reportError('The search failed', err);
    }
}

async function openHit(hit: SearchHit): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        return;
    }
    const position = new vscode.Position(Math.max(0, hit.line - 1), Math.max(0, hit.column - 1));
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, hit.path), {
        selection: new vscode.Range(position, position),
    });
}

function selectedWord(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
        return undefined;
    }
    const range = editor.selection.isEmpty
        ? editor.document.getWordRangeAtPosition(editor.selection.active)
        : editor.selection;
    const text = range ? editor.document.getText(range) : '';
    return text && !text.includes('\n') ? text : undefined;
}
