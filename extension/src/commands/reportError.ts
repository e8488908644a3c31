import * as vscode from 'vscode';

/** Shows a failed command's error as one message (never a stack trace). */
export function reportError(what: string, err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(`${what}: ${message}`);
}
