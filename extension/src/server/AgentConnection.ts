import { spawn, ChildProcess } from 'node:child_process';
import {
    CancellationToken, createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import {
    ApprovalRequestParams, ApprovalResponse, ApprovalWithdrawn, ChatCancelResult, ChatDelta, ChatNotice, ChatSendParams,
    ChatSendResult, ChatToolCall, DidChangeWatchedFilesParams, ChatToolResult, InitializeParams, InitializeResult, Methods, ProgressParams,
    RepoMapParams, RepoMapResult, SearchParams, SearchResult,
} from '../protocol';
import { LaunchSpec } from './launch';

/**
 * What the server sends that the editor must react to. Called on the extension host's event loop, in the order the
 * server sent them; notification handlers must not throw (an exception is logged and otherwise ignored).
 */
export interface ServerEvents {
    delta(params: ChatDelta): void;
    toolCall(params: ChatToolCall): void;
    toolResult(params: ChatToolResult): void;
    notice(params: ChatNotice): void;
    /** Settles when the user decides; `token` fires when the server cancels the request. */
    approvalRequest(params: ApprovalRequestParams, token: CancellationToken): Promise<ApprovalResponse>;
    approvalWithdrawn(params: ApprovalWithdrawn): void;
    progress(params: ProgressParams): void;
    /** Raw stderr of the server (its log), as it arrives. */
    stderr(text: string): void;
}

/** How the server process ended. */
export interface ExitInfo {
    code: number | null;
    signal: string | null;
    /** Whether {@link AgentConnection.stop} asked for it. */
    requested: boolean;
    /** Set when the process could not be started at all (e.g. ENOENT). */
    spawnError?: string;
    /** The last lines the server wrote on stderr, for the user's message. */
    lastStderr: string[];
}

const KEPT_STDERR_LINES = 20;

/**
 * One running agent server process and its JSON-RPC connection over the child's stdin/stdout (LSP framing, via
 * vscode-jsonrpc). Lifecycle: {@link start} spawns it; {@link exited} settles once, when the process ends for any
 * reason; after that every request rejects. Not reusable: a restart is a new instance.
 */
export class AgentConnection {
    /** Settles (never rejects) when the process has ended. */
    readonly exited: Promise<ExitInfo>;
    private readonly connection: MessageConnection;
    private readonly stderrTail: string[] = [];
    private stopRequested = false;
    private ended = false;
    private turns = 0;

    private constructor(private readonly child: ChildProcess, events: ServerEvents) {
        let resolveExit!: (info: ExitInfo) => void;
        this.exited = new Promise(resolve => { resolveExit = resolve; });
        let spawnError: string | undefined;
        const finish = (code: number | null, signal: string | null) => {
            if (this.ended) {
                return;
            }
            this.ended = true;
            this.connection.dispose();
            resolveExit({ code, signal, requested: this.stopRequested, spawnError, lastStderr: [...this.stderrTail] });
        };
        child.on('error', err => { spawnError = err.message; finish(null, null); });
        child.on('exit', (code, signal) => finish(code, signal));
        // a dead child makes its pipes fail; the exit handler reports that, so pipe errors must not crash the host
        child.stdin!.on('error', () => undefined);
        child.stdout!.on('error', () => undefined);
        child.stderr!.setEncoding('utf8');
        child.stderr!.on('data', (text: string) => {
            this.keepStderr(text);
            events.stderr(text);
        });
        this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        this.connection.onNotification(Methods.chatDelta, (p: ChatDelta) => events.delta(p));
        this.connection.onNotification(Methods.chatToolCall, (p: ChatToolCall) => events.toolCall(p));
        this.connection.onNotification(Methods.chatToolResult, (p: ChatToolResult) => events.toolResult(p));
        this.connection.onNotification(Methods.chatNotice, (p: ChatNotice) => events.notice(p));
        this.connection.onNotification(Methods.approvalWithdrawn, (p: ApprovalWithdrawn) => events.approvalWithdrawn(p));
        this.connection.onNotification(Methods.progress, (p: ProgressParams) => events.progress(p));
        this.connection.onRequest(Methods.approvalRequest,
            (p: ApprovalRequestParams, token: CancellationToken) => events.approvalRequest(p, token));
        this.connection.onError(([error]) => events.stderr(`[daalu extension] JSON-RPC error: ${error.message}\n`));
        this.connection.listen();
    }

    /** Spawns the server (`spec`) in `cwd` and connects to it. Never throws: a failed spawn shows in {@link exited}. */
    static start(spec: LaunchSpec, cwd: string, events: ServerEvents): AgentConnection {
        const child = spawn(spec.command, spec.args, { cwd, env: spec.env, stdio: ['pipe', 'pipe', 'pipe'] });
        return new AgentConnection(child, events);
    }

    get running(): boolean {
        return !this.ended;
    }

    initialize(params: InitializeParams): Promise<InitializeResult> {
        return this.connection.sendRequest(Methods.initialize, params);
    }

    /** Runs one turn; resolves when it ends. Cancelling `token` sends `$/cancelRequest`, which cancels the turn. */
    chatSend(params: ChatSendParams, token?: CancellationToken): Promise<ChatSendResult> {
        this.turns++;
        const result = this.request<ChatSendResult>(Methods.chatSend, params, token);
        return result.finally(() => { this.turns--; });
    }

    /** How many `chat/send` requests are still waiting for their turn to end. */
    get activeTurns(): number {
        return this.turns;
    }

    chatCancel(sessionId: string): Promise<ChatCancelResult> {
        return this.connection.sendRequest(Methods.chatCancel, { sessionId });
    }

    repoMap(params: RepoMapParams): Promise<RepoMapResult> {
        return this.connection.sendRequest(Methods.repoMapGet, params);
    }

    search(params: SearchParams, token?: CancellationToken): Promise<SearchResult> {
        return this.request(Methods.searchQuery, params, token);
    }

    /**
     * vscode-jsonrpc takes a trailing CancellationToken out of the arguments only when it is one: an `undefined`
     * token would be sent as a second positional parameter, which the server rightly refuses.
     */
    private request<R>(method: string, params: object, token?: CancellationToken): Promise<R> {
        return token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params);
    }

    /** Tells the server's index which files changed (fire and forget). */
    didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        if (!this.ended) {
            void this.connection.sendNotification(Methods.didChangeWatchedFiles, params).catch(() => undefined);
        }
    }

    /**
     * Asks the server to shut down and exit, and kills it if it has not gone after `graceMs`. Resolves once the
     * process has ended.
     */
    async stop(graceMs = 3_000): Promise<ExitInfo> {
        this.stopRequested = true;
        if (this.ended) {
            return this.exited;
        }
        const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
        try {
            await Promise.race([this.connection.sendRequest(Methods.shutdown), this.exited]);
            if (!this.ended) {
                await this.connection.sendNotification(Methods.exit);
            }
        } catch {
            // shutdown failed or the pipe broke: the timer's kill ends it
        }
        const info = await this.exited;
        clearTimeout(timer);
        return info;
    }

    private keepStderr(text: string): void {
        for (const line of text.split('\n')) {
            if (line.trim()) {
                this.stderrTail.push(line);
            }
        }
        this.stderrTail.splice(0, Math.max(0, this.stderrTail.length - KEPT_STDERR_LINES));
    }
}

/** One sentence for the user saying how the server ended, e.g. "The Daalu server stopped (exit code 1): <last log line>". */
export function describeExit(info: ExitInfo): string {
    if (info.spawnError) {
        return `The Daalu server could not be started: ${info.spawnError}.`;
    }
    const how = info.signal ? `killed by ${info.signal}` : `exit code ${info.code}`;
    const last = info.lastStderr.length ? `: ${info.lastStderr[info.lastStderr.length - 1]}` : '';
    return `The Daalu server stopped (${how})${last}`;
}
