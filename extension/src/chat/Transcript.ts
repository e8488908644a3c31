import {
    ApprovalRequestParams, ChatSendResult, ChatToolCall, ChatToolResult,
} from '../protocol';
import { ApprovalState, ApprovalView, AssistantEntry, ChatState, Entry, NoticeEntry, ToolEntry, ToWebview } from './messages';

/**
 * What the chat view shows: the conversation's entries, built from the user's messages and the server's events in
 * the order the protocol states (chat/delta*, then per tool call chat/toolCall, approval/request?, chat/toolResult,
 * then the chat/send result). Every change is reported to `changed` as the message that brings the webview up to
 * date. Single-threaded (the extension host's event loop); never throws on out-of-order or unknown ids.
 */
export class Transcript {
    private entries: Entry[] = [];
    private busy = false;
    private nextId = 1;

    constructor(private readonly changed: (message: ToWebview) => void) {}

    snapshot(): ChatState {
        return { entries: this.entries.map(e => ({ ...e })), busy: this.busy };
    }

    /**
     * Restores a saved conversation. Whatever was in flight belongs to a server process that is gone: running tools
     * and pending approvals are marked as such, and nothing is busy.
     */
    restore(saved: ChatState): void {
        this.entries = saved.entries.map(entry => {
            if (entry.kind === 'assistant') {
                return { ...entry, streaming: false };
            }
            if (entry.kind === 'tool' && entry.state === 'running') {
                const approval = entry.approval?.state === 'pending'
                    ? { ...entry.approval, state: 'expired' as const, reason: 'The editor was reloaded before a decision.' }
                    : entry.approval;
                return { ...entry, state: 'cancelled' as const, approval };
            }
            return entry;
        });
        this.busy = false;
        // ids are a letter and a counter this transcript must not reuse
        const counters = this.entries.map(e => Number(e.id.slice(1)) || 0);
        this.nextId = Math.max(0, ...counters) + 1;
        this.changed({ type: 'state', state: this.snapshot() });
    }

    clear(): void {
        this.entries = [];
        this.busy = false;
        this.changed({ type: 'state', state: this.snapshot() });
    }

    get isBusy(): boolean {
        return this.busy;
    }

    setBusy(busy: boolean): void {
        if (this.busy !== busy) {
            this.busy = busy;
            this.changed({ type: 'busy', busy });
        }
    }

    user(text: string): void {
        this.upsert({ kind: 'user', id: this.newId('u'), text });
    }

    /** A line from the product (an error, a stop); the same notice twice in a row is shown once. */
    notice(level: NoticeEntry['level'], text: string): void {
        const last = this.entries[this.entries.length - 1];
        if (last?.kind === 'notice' && last.level === level && last.text === text) {
            return;
        }
        // a note does not interrupt the answer being streamed: its text keeps going into the same entry
        this.upsert({ kind: 'notice', id: this.newId('n'), level, text });
    }

    /** Streamed answer text: continues the answer being streamed, or starts a new one (e.g. after a tool call). */
    delta(text: string): void {
        if (!text) {
            return;
        }
        const streaming = this.streaming();
        if (streaming) {
            streaming.text += text;
            this.changed({ type: 'append', id: streaming.id, text });
            return;
        }
        this.upsert({ kind: 'assistant', id: this.newId('a'), text, streaming: true });
    }

    toolCall(call: ChatToolCall): void {
        this.endStreaming();
        this.upsert(this.newTool(call.turnId, call.callId, call.tool, call.arguments));
    }

    approvalRequested(request: ApprovalRequestParams): void {
        const tool = this.tool(request.turnId, request.callId)
            ?? this.newTool(request.turnId, request.callId, request.tool, request.arguments);
        const p = request.preview;
        const approval: ApprovalView = {
            approvalId: request.approvalId,
            kind: p.kind,
            summary: p.summary,
            path: p.path ?? undefined,
            diff: p.diff ?? undefined,
            newFile: p.newFile,
            canOpenDiff: p.kind === 'write' && typeof p.proposedContent === 'string' && !!p.path,
            command: p.command ?? undefined,
            cwd: p.cwd ?? undefined,
            timeoutSeconds: p.timeoutSeconds ?? undefined,
            state: 'pending',
        };
        this.upsert({ ...tool, approval });
    }

    /** The prompt was answered or went away; unknown ids are ignored. */
    approvalSettled(approvalId: string, state: Exclude<ApprovalState, 'pending'>, reason?: string): void {
        const tool = [...this.entries].reverse().find((e): e is ToolEntry =>
            e.kind === 'tool' && e.approval?.approvalId === approvalId && e.approval.state === 'pending');
        if (tool?.approval) {
            this.upsert({ ...tool, approval: { ...tool.approval, state, reason } });
        }
    }

    toolResult(result: ChatToolResult): void {
        const tool = this.tool(result.turnId, result.callId) ?? this.newTool(result.turnId, result.callId, result.tool, '');
        this.upsert({ ...tool, state: result.status, output: result.output, truncated: result.truncated });
    }

    /**
     * The turn's outcome. For a completed turn the server's final text is the answer: it replaces what was streamed
     * for the last answer (so a tool call the server recognised in the text does not stay as the visible answer).
     */
    turnEnded(result: ChatSendResult): void {
        const streaming = this.streaming();
        if (result.outcome === 'completed') {
            const text = result.text ?? '';
            if (streaming) {
                this.upsert({ ...streaming, text: text || streaming.text, streaming: false });
            } else if (text) {
                this.upsert({ kind: 'assistant', id: this.newId('a'), text, streaming: false });
            }
        } else {
            this.endStreaming();
            const level = result.outcome === 'cancelled' ? 'info' : 'error';
            const text = result.error?.message ?? result.text ?? outcomeText(result.outcome);
            this.notice(level, text);
        }
        this.markRunningTools('cancelled');
        this.setBusy(false);
    }

    /** Ends the turn without a result (the server went away or the request failed). */
    turnAborted(): void {
        this.endStreaming();
        this.markRunningTools('cancelled');
        this.setBusy(false);
    }

    private markRunningTools(state: 'cancelled'): void {
        for (const entry of this.entries) {
            if (entry.kind === 'tool' && entry.state === 'running') {
                const approval = entry.approval?.state === 'pending' ? { ...entry.approval, state: 'withdrawn' as const } : entry.approval;
                this.upsert({ ...entry, state, approval });
            }
        }
    }

    private endStreaming(): void {
        const streaming = this.streaming();
        if (streaming) {
            this.upsert({ ...streaming, streaming: false });
        }
    }

    /** The answer being streamed: the last assistant entry, if it is still streaming and no tool call came after it. */
    private streaming(): AssistantEntry | undefined {
        for (let i = this.entries.length - 1; i >= 0; i--) {
            const e = this.entries[i];
            if (e.kind === 'assistant') {
                return e.streaming ? e : undefined;
            }
            if (e.kind === 'tool' || e.kind === 'user') {
                return undefined;
            }
        }
        return undefined;
    }

    /** The latest card of this call (the protocol sends chat/toolCall before its approval and result). */
    private tool(turnId: string, callId: string): ToolEntry | undefined {
        for (let i = this.entries.length - 1; i >= 0; i--) {
            const e = this.entries[i];
            if (e.kind === 'tool' && e.turnId === turnId && e.callId === callId) {
                return e;
            }
        }
        return undefined;
    }

    private newTool(turnId: string, callId: string, tool: string, args: unknown): ToolEntry {
        return { kind: 'tool', id: this.newId('t'), turnId, callId, tool, args: prettyArgs(args), state: 'running' };
    }

    private upsert(entry: Entry): void {
        const index = this.entries.findIndex(e => e.id === entry.id);
        if (index >= 0) {
            this.entries[index] = entry;
        } else {
            this.entries.push(entry);
        }
        this.changed({ type: 'entry', entry: { ...entry } });
    }

    private newId(prefix: string): string {
        return `${prefix}${this.nextId++}`;
    }
}

function prettyArgs(args: unknown): string {
    if (typeof args === 'string') {
        return args;
    }
    try {
        return JSON.stringify(args, null, 2) ?? '';
    } catch {
        return String(args);
    }
}

function outcomeText(outcome: ChatSendResult['outcome']): string {
    switch (outcome) {
        case 'cancelled': return 'Stopped.';
        case 'step_limit': return 'The agent stopped: it reached its step limit for one turn.';
        case 'loop_detected': return 'The agent stopped: it was repeating the same tool calls.';
        default: return 'The turn failed.';
    }
}
