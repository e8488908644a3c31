import * as vscode from 'vscode';
import { ApprovalBroker } from './approval/ApprovalBroker';
import { openProposedDiff } from './approval/proposedDiff';
import { ChatSession, ChatStore, SavedChat } from './chat/ChatSession';
import { ChatViewProvider } from './chat/ChatViewProvider';
import { openChatInTerminal } from './commands/openChatInTerminal';
import { searchRepository } from './commands/searchRepository';
import { showRepoMap } from './commands/showRepoMap';
import { ReadOnlyDocuments } from './editor/ReadOnlyDocuments';
import { FileChange, FileChangeBatcher } from './server/FileChangeBatcher';
import { DaaluSettings } from './server/launch';
import { ServerSupervisor } from './server/ServerSupervisor';
import { StatusBar } from './status/StatusBar';

const CHAT_STATE_KEY = 'daalu.chat';

let supervisor: ServerSupervisor | undefined;

/** Wires the pieces together; all behaviour lives in them. */
export function activate(context: vscode.ExtensionContext): void {
    const output = vscode.window.createOutputChannel('Daalu');
    const status = new StatusBar();
    const broker = new ApprovalBroker();
    const docs = new ReadOnlyDocuments();
    // the server's events go to the chat, which needs the server: the chat is created right below, before any
    // server can start and send an event
    let chat!: ChatSession;
    const server = new ServerSupervisor({
        settings: readSettings,
        workspaceRoot: () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
        extensionRoot: context.extensionPath,
        clientInfo: { name: 'daalu-vscode', version: String(context.extension.packageJSON.version ?? 'dev') },
        env: process.env,
        log: text => output.append(text),
    }, {
        delta: p => chat.delta(p),
        toolCall: p => chat.toolCall(p),
        toolResult: p => chat.toolResult(p),
        notice: p => chat.notice(p),
        approvalRequest: (p, token) => chat.approvalRequest(p, token),
        approvalWithdrawn: p => chat.approvalWithdrawn(p),
        progress: p => status.update(s => s.report(p)),
    });
    supervisor = server;
    chat = new ChatSession(server, broker, mementoStore(context.workspaceState));
    const files = new FileChangeBatcher(params => server.runningConnection()?.didChangeWatchedFiles(params));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');

    context.subscriptions.push(
        output, status, docs, watcher, { dispose: () => files.dispose() }, { dispose: () => chat.dispose() },
        server.onWillStart(() => status.update(s => s.starting())),
        server.onDidFailToStart(message => status.update(s => s.failed(message))),
        server.onDidStart(result => {
            status.update(s => s.ready(result));
            if (!result.model) {
                chat.serverNotice(result.routing?.reason ?? 'No in-perimeter model server is configured: set daalu.modelEndpoint.');
            }
        }),
        server.onDidStop(({ message }) => {
            status.update(s => s.stopped(message));
            chat.serverStopped(message);
        }),
        vscode.workspace.registerTextDocumentContentProvider(ReadOnlyDocuments.scheme, docs),
        vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId,
            new ChatViewProvider(context.extensionUri, chat, id => void openProposedDiff(broker, docs, id))),
        vscode.commands.registerCommand('daalu.newChat', () => { chat.newChat(); void ChatViewProvider.reveal(); }),
        vscode.commands.registerCommand('daalu.stop', () => chat.stop()),
        vscode.commands.registerCommand('daalu.showRepoMap', () => showRepoMap(server, docs)),
        vscode.commands.registerCommand('daalu.search', () => searchRepository(server)),
        vscode.commands.registerCommand('daalu.openChatInTerminal', () => openChatInTerminal(readSettings(), context.extensionPath)),
        vscode.commands.registerCommand('daalu.showOutput', () => output.show(true)),
        vscode.commands.registerCommand('daalu.openProposedDiff', (id: string) => openProposedDiff(broker, docs, id)),
        vscode.workspace.onDidChangeConfiguration(e => {
            if (e.affectsConfiguration('daalu')) {
                server.markStale();
            }
        }),
        watcher.onDidCreate(uri => files.add(uri.toString(), FileChange.created)),
        watcher.onDidChange(uri => files.add(uri.toString(), FileChange.changed)),
        watcher.onDidDelete(uri => files.add(uri.toString(), FileChange.deleted)),
    );

    // start now, so the index is being built while the user reads: a failure shows in the status bar and again
    // in the chat when the user sends a message
    if (vscode.workspace.workspaceFolders?.length) {
        server.server().catch((err: Error) => {
            output.appendLine(`[daalu extension] ${err.message}`);
            chat.serverNotice(err.message);
        });
    }
}

export async function deactivate(): Promise<void> {
    await supervisor?.dispose();
    supervisor = undefined;
}

function readSettings(): DaaluSettings {
    const config = vscode.workspace.getConfiguration('daalu');
    return {
        serverPath: config.get<string>('serverPath', ''),
        javaPath: config.get<string>('javaPath', ''),
        modelEndpoint: config.get<string>('modelEndpoint', ''),
        model: config.get<string>('model', ''),
    };
}

function mementoStore(memento: vscode.Memento): ChatStore {
    return {
        load: () => memento.get<SavedChat>(CHAT_STATE_KEY),
        save: chat => { void memento.update(CHAT_STATE_KEY, chat); },
    };
}
