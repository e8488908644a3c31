import { InitializeResult, ProgressParams } from '../protocol';

/** What the status bar item shows: text (with a codicon), tooltip, and whether it is a warning. */
export interface StatusView {
    text: string;
    tooltip: string;
    warning: boolean;
}

/**
 * The status bar's state: the server's phase, the model in use (from `initialize`), and index progress (from
 * `$/progress` begin/report/end). Pure, so it is tested without VS Code.
 */
export class StatusModel {
    private phase: 'idle' | 'starting' | 'ready' | 'failed' | 'stopped' = 'idle';
    private detail = '';
    private model?: InitializeResult['model'];
    private routing?: InitializeResult['routing'];
    private readonly progress = new Map<string, { title: string; message?: string; percentage?: number }>();

    starting(): void {
        this.phase = 'starting';
        this.progress.clear();
    }

    ready(result: InitializeResult): void {
        this.phase = 'ready';
        this.model = result.model;
        this.routing = result.routing;
    }

    failed(message: string): void {
        this.phase = 'failed';
        this.detail = message;
        this.progress.clear();
    }

    stopped(message: string): void {
        this.phase = 'stopped';
        this.detail = message;
        this.progress.clear();
    }

    /** Applies one `$/progress` notification. */
    report(params: ProgressParams): void {
        const value = params.value;
        if (value.kind === 'end') {
            this.progress.delete(params.token);
            return;
        }
        const previous = this.progress.get(params.token);
        this.progress.set(params.token, {
            title: value.title ?? previous?.title ?? 'Indexing',
            message: value.message ?? previous?.message,
            percentage: value.percentage ?? previous?.percentage,
        });
    }

    view(): StatusView {
        const running = [...this.progress.values()][0];
        if (running && (this.phase === 'ready' || this.phase === 'starting')) {
            const percent = running.percentage !== undefined ? ` ${Math.round(running.percentage)}%` : '';
            return {
                text: `$(sync~spin) Daalu: ${running.title}${percent}`,
                tooltip: [running.title, running.message].filter(Boolean).join(': ') + this.modelLine(),
                warning: false,
            };
        }
        switch (this.phase) {
            case 'idle': return { text: '$(comment-discussion) Daalu', tooltip: 'Daalu: open the chat to start', warning: false };
            case 'starting': return { text: '$(sync~spin) Daalu: starting', tooltip: 'Starting the Daalu agent server', warning: false };
            case 'failed': return { text: '$(error) Daalu', tooltip: this.detail, warning: true };
            case 'stopped': return { text: '$(debug-disconnect) Daalu: stopped', tooltip: `${this.detail}. Your next message restarts it.`, warning: true };
            case 'ready':
                if (!this.model) {
                    return {
                        text: '$(warning) Daalu: no model',
                        tooltip: this.routing?.reason ?? 'No in-perimeter model server is configured (daalu.modelEndpoint).',
                        warning: true,
                    };
                }
                return { text: `$(hubot) Daalu: ${this.model.displayName}`, tooltip: `Index ready${this.modelLine()}`, warning: false };
        }
    }

    private modelLine(): string {
        if (!this.model) {
            return '';
        }
        const where = this.routing?.endpoint ? ` at ${this.routing.endpoint}` : '';
        return `\nModel: ${this.model.displayName} (${this.model.servedName}, ${this.model.contextWindow} tokens)${where}`;
    }
}
