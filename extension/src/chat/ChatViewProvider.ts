import * as vscode from 'vscode';
import { chatHtml, newNonce } from './chatHtml';
import { ChatSession } from './ChatSession';
import { parseFromWebview } from './messages';

/**
 * The Daalu chat view in the activity bar: a webview that draws the {@link ChatSession}'s transcript and reports
 * the user's clicks. The view may be destroyed whenever it is hidden; on each new webview it asks for the state
 * (`ready`) and gets the whole conversation back, so nothing is lost.
 */
export class ChatViewProvider implements vscode.WebviewViewProvider {
    static readonly viewId = 'daalu.chat';

    constructor(private readonly extensionUri: vscode.Uri, private readonly session: ChatSession,
                private readonly openDiff: (approvalId: string) => void) {}

    resolveWebviewView(view: vscode.WebviewView): void {
        const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
        view.webview.options = { enableScripts: true, localResourceRoots: [dist] };
        view.webview.html = chatHtml({
            cspSource: view.webview.cspSource,
            scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
            styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
        }, newNonce());
        const subscriptions = [
            view.webview.onDidReceiveMessage(raw => {
                const message = parseFromWebview(raw);
                if (!message) {
                    return;
                }
                if (message.type === 'ready') {
                    void view.webview.postMessage({ type: 'state', state: this.session.state() });
                } else if (message.type === 'openDiff') {
                    this.openDiff(message.approvalId);
                } else {
                    this.session.handle(message);
                }
            }),
            this.session.onDidChange(message => { void view.webview.postMessage(message); }),
        ];
        view.onDidDispose(() => subscriptions.forEach(s => s.dispose()));
    }

    /** Shows the view (and the Daalu container). */
    static reveal(): Thenable<unknown> {
        return vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
    }
}
