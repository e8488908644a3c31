import * as vscode from 'vscode';
import { resolveJava } from '../server/javaRuntime';
import { DaaluSettings, launchSpec, resolveJar } from '../server/launch';
import { reportError } from './reportError';

/**
 * `Daalu: Open Chat in Terminal`: runs the jar's `chat` REPL in an integrated terminal, with the same Java, jar and
 * model settings as the chat view's server.
 */
export async function openChatInTerminal(settings: DaaluSettings, extensionRoot: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        void vscode.window.showInformationMessage('Open a folder first: Daalu chats about the files of a workspace folder.');
        return;
    }
    try {
        const java = await resolveJava(settings.javaPath, process.env);
        const spec = launchSpec(java.executable, resolveJar(settings, extensionRoot), ['chat'], settings, {});
        const terminal = vscode.window.createTerminal({
            name: 'Daalu Chat',
            shellPath: spec.command,
            shellArgs: spec.args,
            cwd: folder.uri,
            env: spec.env as Record<string, string>,
        });
        terminal.show();
    } catch (err) {
        reportError('Daalu chat could not start', err);
    }
}
