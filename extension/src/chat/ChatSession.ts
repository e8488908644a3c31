import { CancellationToken, CancellationTokenSource, ConnectionError, Emitter, Event, ErrorCodes as RpcErrors, ResponseError } from 'vscode-jsonrpc/node';
import { ApprovalBroker } from '../approval/ApprovalBroker';
import {
    ApprovalRequestParams, ApprovalResponse, ApprovalWithdrawn, ChatDelta, ChatNotice, ChatSendResult, ChatToolCall, ChatToolResult,
    ErrorCodes,
} from '../protocol';
import { AgentConnection } from '../server/AgentConnection';
import { ServerUnavailableError, StartedServer } from '../server/ServerSupervisor';
import { ChatState, FromWebview, ToWebview } from './messages';
import { Transcript } from './Transcript';

/** Where the conversation is kept between views and reloads (the extension's workspace memento). */
export interface ChatStore {
    load(): SavedChat | undefined;
    save(chat: SavedChat): void;
}

export interface SavedChat {
    sessionId: string | null;
    state: ChatState;
}

/** The part of the server supervisor a chat needs. */
export interface ChatBackend {
    server(): Promise<StartedServer>;
    runningConnection(): AgentConnection | undefined;
}

/**
 * The conversation of the chat view: turns the user's actions into protocol calls and the server's events into
 * transcript entries. It keeps no agent logic: the server decides, this only relays and shows. One turn runs at a
 * time. Events that belong to a session the user has left (New Chat during a turn) are ignored, and their
 * approvals are denied.
 */
export class ChatSession {
    private readonly transcript: Transcript;
    private readonly changes = new Emitter<ToWebview>();
    private sessionId: string | null = null;
    private readonly leftSessions = new Set<string>();
    private turn?: { generation: number; cancel: CancellationTokenSource };
    private generation = 0;

    /** Every change of what the view shows. */
    readonly onDidChange: Event<ToWebview> = this.changes.event;

    constructor(private readonly backend: ChatBackend, private readonly broker: ApprovalBroker, private readonly store: ChatStore) {
        this.transcript = new Transcript(message => {
            this.changes.fire(message);
            if (message.type !== 'append') {
                this.store.save({ sessionId: this.sessionId, state: this.transcript.snapshot() });
            }
        });
        broker.onDidSettle(s => this.transcript.approvalSettled(s.approvalId, s.state, s.reason));
        const saved = store.load();
        if (saved) {
            this.sessionId = saved.sessionId;
            this.transcript.restore(saved.state);
        }
    }

    state(): ChatState {
        return this.transcript.snapshot();
    }

    /** Acts on a (validated) message from the webview. */
    handle(message: FromWebview): void {
        switch (message.type) {
            case 'send': void this.send(message.text); break;
            case 'stop': this.stop(); break;
            case 'newChat': this.newChat(); break;
            case 'decide': this.broker.decide(message.approvalId, message.decision, message.reason); break;
            default: break;
        }
    }

    /** Runs one turn with the user's message; resolves when the turn has ended. A blank message does nothing. */
    async send(text: string): Promise<void> {
        const message = text.trim();
        if (!message) {
            return;
        }
        if (this.turn) {
            this.transcript.notice('info', 'A turn is still running: wait for it, or press Stop.');
            return;
        }
        const turn = { generation: this.generation, cancel: new CancellationTokenSource() };
        this.turn = turn;
        this.transcript.user(message);
        this.transcript.setBusy(true);
        try {
            // Stop also works while the server is still starting
            const { connection } = await untilCancelled(this.backend.server(), turn.cancel.token);
            const result = await this.sendOnce(connection, message, turn.cancel.token);
            if (this.isCurrent(turn)) {
                this.sessionId = result.sessionId;
                this.transcript.turnEnded(result);
            }
        } catch (err) {
            if (this.isCurrent(turn)) {
                this.reportFailure(err);
                this.transcript.turnAborted();
            }
        } finally {
            if (this.turn === turn) {
                this.turn = undefined;
            }
            turn.cancel.dispose();
        }
    }

    /** Cancels the running turn: `chat/cancel` when its session is known, else `$/cancelRequest` on `chat/send`. */
    stop(): void {
        const turn = this.turn;
        if (!turn) {
            return;
        }
        const connection = this.backend.runningConnection();
        if (this.sessionId && connection) {
            connection.chatCancel(this.sessionId)
                .then(r => { if (!r.cancelled) { turn.cancel.cancel(); } })
                .catch(() => turn.cancel.cancel());
        } else {
            turn.cancel.cancel();
        }
    }

    /** Leaves the current conversation (stopping its turn) and shows an empty one. */
    newChat(): void {
        this.stop();
        if (this.sessionId) {
            this.leftSessions.add(this.sessionId);
        }
        this.generation++;
        this.turn = undefined;
        this.sessionId = null;
        this.broker.denyAll('withdrawn', 'New chat started.');
        this.transcript.clear();
    }

    // --- server events -------------------------------------------------------------------------------------------

    delta(p: ChatDelta): void {
        if (this.accepts(p.sessionId)) {
            this.transcript.delta(p.text);
        }
    }

    toolCall(p: ChatToolCall): void {
        if (this.accepts(p.sessionId)) {
            this.transcript.toolCall(p);
        }
    }

    toolResult(p: ChatToolResult): void {
        if (this.accepts(p.sessionId)) {
            this.transcript.toolResult(p);
        }
    }

    notice(p: ChatNotice): void {
        if (this.accepts(p.sessionId)) {
            this.transcript.notice('info', p.message);
        }
    }

    approvalRequest(p: ApprovalRequestParams, token?: CancellationToken): Promise<ApprovalResponse> {
        if (!this.accepts(p.sessionId)) {
            return Promise.resolve({ decision: 'deny', reason: 'The user left this conversation.' });
        }
        this.transcript.approvalRequested(p);
        return this.broker.request(p, token);
    }

    approvalWithdrawn(p: ApprovalWithdrawn): void {
        this.broker.withdraw(p.approvalId, p.reason ?? undefined);
    }

    /** The server ended without being asked to: say so, and drop the prompts that no one is waiting for any more. */
    serverStopped(message: string): void {
        this.broker.denyAll('expired', 'The server stopped.');
        this.transcript.notice('error', `${message}. Your next message restarts it.`);
    }

    /** Something the server reported that the user must know, e.g. that no model can serve. */
    serverNotice(text: string): void {
        this.transcript.notice('error', text);
    }

    dispose(): void {
        this.changes.dispose();
    }

    private async sendOnce(connection: AgentConnection, message: string, token: CancellationToken): Promise<ChatSendResult> {
        try {
            return await connection.chatSend({ sessionId: this.sessionId, message }, token);
        } catch (err) {
            // a stored session the server no longer has: continue in a new one rather than fail the message
            if (err instanceof ResponseError && err.code === ErrorCodes.sessionNotFound && this.sessionId) {
                this.sessionId = null;
                this.transcript.notice('info', 'The previous session is no longer on the server; this message starts a new one.');
                return connection.chatSend({ sessionId: null, message }, token);
            }
            throw err;
        }
    }

    private reportFailure(err: unknown): void {
        if (isConnectionLost(err)) {
            return; // serverStopped() tells the user, once
        }
        if (err instanceof ResponseError && err.code === ErrorCodes.requestCancelled) {
            this.transcript.notice('info', 'Stopped.');
        } else if (err instanceof ServerUnavailableError || err instanceof ResponseError) {
            this.transcript.notice('error', err.message);
        } else {
            this.transcript.notice('error', `The request failed: ${String(err)}`);
        }
    }

    /** Whether an event of `sessionId` belongs to this conversation; the first event of a new session adopts it. */
    private accepts(sessionId: string): boolean {
        if (this.leftSessions.has(sessionId)) {
            return false;
        }
        if (this.sessionId === null && this.turn) {
            this.sessionId = sessionId;
        }
        return this.sessionId === sessionId;
    }

    private isCurrent(turn: { generation: number }): boolean {
        return turn.generation === this.generation;
    }
}

/** `work`, unless `token` is cancelled first: then a -32800 error, as the server answers a cancelled request. */
function untilCancelled<T>(work: Promise<T>, token: CancellationToken): Promise<T> {
    const stopped = () => new ResponseError(ErrorCodes.requestCancelled, 'Stopped before the turn started.');
    if (token.isCancellationRequested) {
        return Promise.reject(stopped());
    }
    return new Promise<T>((resolve, reject) => {
        const subscription = token.onCancellationRequested(() => reject(stopped()));
        work.then(resolve, reject).finally(() => subscription.dispose());
    });
}

function isConnectionLost(err: unknown): boolean {
    return err instanceof ConnectionError
        || (err instanceof ResponseError && (err.code === RpcErrors.PendingResponseRejected || err.code === RpcErrors.MessageWriteError));
}
