import * as vscode from 'vscode';
import { StatusModel } from './statusModel';

/** The Daalu status bar item: index progress and the model in use; a click opens the chat. */
export class StatusBar {
    readonly model = new StatusModel();
    private readonly item = vscode.window.createStatusBarItem('daalu.status', vscode.StatusBarAlignment.Left, 10);

    constructor() {
        this.item.name = 'Daalu';
        this.item.command = 'daalu.chat.focus';
        this.refresh();
        this.item.show();
    }

    /** Applies a change to the model and redraws. */
    update(change: (model: StatusModel) => void): void {
        change(this.model);
        this.refresh();
    }

    dispose(): void {
        this.item.dispose();
    }

    private refresh(): void {
        const view = this.model.view();
        this.item.text = view.text;
        this.item.tooltip = view.tooltip;
        this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
}
