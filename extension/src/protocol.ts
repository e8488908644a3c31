/**
 * The agent server's JSON-RPC wire contract, mirrored from the Java package `dev.daalu.server.protocol`
 * (agent-server/src/main/java/dev/daalu/server/protocol), documented in docs/protocol.md. Field names are the JSON
 * names. The server omits fields whose value is null, so anything nullable is also optional when read: use `??`.
 * Keep this file free of logic: it is only the contract.
 */

/** Methods the client calls on the server, and the notifications and requests the server sends back. */
export const Methods = {
    initialize: 'initialize',
    shutdown: 'shutdown',
    exit: 'exit',
    ping: 'agent/ping',
    chatSend: 'chat/send',
    chatCancel: 'chat/cancel',
    chatSessions: 'chat/sessions',
    repoMapGet: 'repoMap/get',
    searchQuery: 'search/query',
    indexStatus: 'index/status',
    didChangeWatchedFiles: 'workspace/didChangeWatchedFiles',
    // server -> client
    chatDelta: 'chat/delta',
    chatToolCall: 'chat/toolCall',
    chatToolResult: 'chat/toolResult',
    chatNotice: 'chat/notice',
    approvalRequest: 'approval/request',
    approvalWithdrawn: 'approval/withdrawn',
    progress: '$/progress',
} as const;

/** JSON-RPC error codes the server answers with (ErrorCodes.java). */
export const ErrorCodes = {
    parseError: -32700,
    invalidRequest: -32600,
    methodNotFound: -32601,
    invalidParams: -32602,
    internalError: -32603,
    serverNotInitialized: -32002,
    requestCancelled: -32800,
    noInferenceTier: -32010,
    modelError: -32011,
    contextLengthExceeded: -32012,
    sessionBusy: -32013,
    sessionNotFound: -32014,
    modelUnavailable: -32015,
    workspaceError: -32016,
} as const;

export interface InitializeParams {
    /** Absolute path of the workspace folder (a file:// URI is accepted too). */
    workspaceRoot: string;
    clientInfo?: { name: string; version: string } | null;
}

export interface InitializeResult {
    serverInfo: { name: string; version: string };
    /** The model turns will use, or null when no allowed tier can serve (see routing). */
    model: ModelInfo | null;
    routing: RoutingInfo | null;
    capabilities: { tools: string[]; approvalTools: string[]; streaming: boolean; sessions: boolean };
}

export interface ModelInfo {
    id: string;
    displayName: string;
    servedName: string;
    contextWindow: number;
}

export interface RoutingInfo {
    eligible: boolean;
    tierId: string | null;
    tierKind: string | null;
    endpoint: string | null;
    /** Why this tier was chosen, or why none could be, in words for the user. */
    reason: string | null;
}

export interface PingParams { text?: string | null }
export interface PingResult { text: string | null; initialized: boolean }

export interface ChatSendParams {
    /** The session to continue; null starts a new one. */
    sessionId: string | null;
    message: string;
}

export type TurnOutcome = 'completed' | 'cancelled' | 'error' | 'step_limit' | 'loop_detected';

export interface ChatSendResult {
    sessionId: string;
    turnId: string;
    outcome: TurnOutcome;
    /** The final answer (completed), or the message saying why the turn stopped. */
    text: string | null;
    error: { code: number; reason: string; message: string } | null;
    steps: number;
}

export interface ChatCancelParams { sessionId: string }
export interface ChatCancelResult { cancelled: boolean }

export interface SessionListParams { limit?: number | null }
export interface SessionListResult {
    sessions: { sessionId: string; title: string; createdAt: string; updatedAt: string; turns: number }[];
}

export interface ChatDelta { sessionId: string; turnId: string; text: string }

export interface ChatToolCall {
    sessionId: string;
    turnId: string;
    callId: string;
    tool: string;
    /** The parsed arguments object, or the raw text as a JSON string when it was not valid JSON. */
    arguments: unknown;
    needsApproval: boolean;
}

/** Something the user should know about a turn that is not part of the answer (a recovered call, a condensed history). */
export interface ChatNotice { sessionId: string; turnId: string; message: string }

export type ToolStatus = 'ok' | 'error' | 'denied' | 'cancelled';

export interface ChatToolResult {
    sessionId: string;
    turnId: string;
    callId: string;
    tool: string;
    status: ToolStatus;
    output: string;
    truncated: boolean;
}

export interface ApprovalPreview {
    /** write (a file change), command (a shell command) or read (a secret file). */
    kind: 'write' | 'command' | 'read' | string;
    summary: string;
    path?: string | null;
    diff?: string | null;
    newFile?: boolean;
    proposedContent?: string | null;
    command?: string | null;
    cwd?: string | null;
    timeoutSeconds?: number | null;
}

export interface ApprovalRequestParams {
    sessionId: string;
    turnId: string;
    approvalId: string;
    callId: string;
    tool: string;
    arguments: unknown;
    preview: ApprovalPreview;
}

export interface ApprovalResponse {
    decision: 'approve' | 'deny';
    reason?: string | null;
}

export interface ApprovalWithdrawn { sessionId: string; turnId: string; approvalId: string; reason: string | null }

export interface RepoMapParams { focus?: string[] | null; maxTokens?: number | null }
export interface RepoMapResult { text: string; tokens: number; maxTokens: number; files: string[] }

export interface SearchParams { query: string; regex?: boolean | null; glob?: string | null; maxResults?: number | null }
export interface SearchHit { path: string; line: number; column: number; text: string; before: string[]; after: string[] }
export interface SearchResult {
    mode: 'literal' | 'identifier' | 'regex' | string;
    hits: SearchHit[];
    total: number;
    filesMatched: number;
    truncated: boolean;
    binaryFilesMatched: string[];
}

export interface IndexStatusResult {
    state: 'empty' | 'indexing' | 'ready' | 'failed' | string;
    indexDir: string;
    filesTotal: number;
    textFiles: number;
    binaryFiles: number;
    parsedFiles: number;
    parseSkipped: number;
    lastPassMillis: number;
    problems: { path: string; message: string }[];
    tokenCounting: { mode: string; detail: string } | null;
}

export interface ProgressParams {
    token: string;
    value: { kind: 'begin' | 'report' | 'end'; title?: string | null; message?: string | null; percentage?: number | null };
}

export interface DidChangeWatchedFilesParams { changes: { uri: string; type: 1 | 2 | 3 }[] }
