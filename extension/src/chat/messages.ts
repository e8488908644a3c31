/**
 * The messages between the chat webview and the extension, as discriminated unions on `type`, and the transcript
 * entries they carry. The webview only draws entries and reports clicks; the extension (and behind it the agent
 * server) owns every decision. This module has no imports, so the webview bundle can use it too.
 */

export interface UserEntry {
    kind: 'user';
    id: string;
    text: string;
}

export interface AssistantEntry {
    kind: 'assistant';
    id: string;
    /** Markdown from the model; the webview renders it sanitised. */
    text: string;
    streaming: boolean;
}

export type ToolState = 'running' | 'ok' | 'error' | 'denied' | 'cancelled';

export type ApprovalState = 'pending' | 'approved' | 'denied' | 'withdrawn' | 'expired';

/** An approval prompt inside a tool card: exactly what will happen on Approve. */
export interface ApprovalView {
    approvalId: string;
    /** write, command or read */
    kind: string;
    summary: string;
    path?: string;
    diff?: string;
    newFile?: boolean;
    /** Whether the editor's diff view can show it (a write with the proposed content). */
    canOpenDiff: boolean;
    command?: string;
    cwd?: string;
    timeoutSeconds?: number;
    state: ApprovalState;
    /** The user's reason for a denial, or why the prompt went away. */
    reason?: string;
}

export interface ToolEntry {
    kind: 'tool';
    id: string;
    /**
     * The call as the server names it. Not unique on its own: some model servers number calls afresh in every
     * response (Ollama's `call_function_1`), so one conversation can see the same call id many times.
     */
    turnId: string;
    callId: string;
    tool: string;
    /** The arguments, pretty-printed JSON. */
    args: string;
    state: ToolState;
    output?: string;
    truncated?: boolean;
    approval?: ApprovalView;
}

export interface NoticeEntry {
    kind: 'notice';
    id: string;
    level: 'info' | 'error';
    text: string;
}

export type Entry = UserEntry | AssistantEntry | ToolEntry | NoticeEntry;

export interface ChatState {
    entries: Entry[];
    /** Whether a turn is running (the Stop button shows, Send waits). */
    busy: boolean;
}

/** Extension -> webview. */
export type ToWebview =
    | { type: 'state'; state: ChatState }
    /** Insert the entry, or replace the entry with the same id. */
    | { type: 'entry'; entry: Entry }
    /** Streamed text for an assistant entry. */
    | { type: 'append'; id: string; text: string }
    | { type: 'busy'; busy: boolean };

/** Webview -> extension. */
export type FromWebview =
    | { type: 'ready' }
    | { type: 'send'; text: string }
    | { type: 'stop' }
    | { type: 'newChat' }
    | { type: 'decide'; approvalId: string; decision: 'approve' | 'deny'; reason?: string }
    | { type: 'openDiff'; approvalId: string };

/**
 * Checks a message from the webview before acting on it: the webview renders model output, so its messages are
 * treated as input, not trusted. Returns undefined for anything malformed.
 */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
    if (typeof raw !== 'object' || raw === null) {
        return undefined;
    }
    const m = raw as Record<string, unknown>;
    switch (m.type) {
        case 'ready':
        case 'stop':
        case 'newChat':
            return { type: m.type };
        case 'send':
            return typeof m.text === 'string' ? { type: 'send', text: m.text } : undefined;
        case 'decide':
            if (typeof m.approvalId !== 'string' || (m.decision !== 'approve' && m.decision !== 'deny')) {
                return undefined;
            }
            return {
                type: 'decide', approvalId: m.approvalId, decision: m.decision,
                reason: typeof m.reason === 'string' && m.reason.trim() ? m.reason.trim() : undefined,
            };
        case 'openDiff':
            return typeof m.approvalId === 'string' ? { type: 'openDiff', approvalId: m.approvalId } : undefined;
        default:
            return undefined;
    }
}
