package dev.daalu.server.protocol;

/** JSON-RPC error codes this server answers with; documented in {@code docs/protocol.md}. */
public final class ErrorCodes {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** The server has not been initialized yet. */
    public static final int SERVER_NOT_INITIALIZED = -32002;
    /** LSP's RequestCancelled. */
    public static final int REQUEST_CANCELLED = -32800;

    /** No allowed in-perimeter inference tier is configured, or none is online. */
    public static final int NO_INFERENCE_TIER = -32010;
    /** The model server failed: refused, timed out, cut the stream, or answered an error. */
    public static final int MODEL_ERROR = -32011;
    /** The prompt did not fit the model's context window, even after condensing. */
    public static final int CONTEXT_LENGTH_EXCEEDED = -32012;
    /** The session already runs a turn. */
    public static final int SESSION_BUSY = -32013;
    /** No such session. */
    public static final int SESSION_NOT_FOUND = -32014;
    /** The chosen model is not served by the tier, or not eligible on its hardware. */
    public static final int MODEL_UNAVAILABLE = -32015;
    /** The workspace could not be opened or indexed. */
    public static final int WORKSPACE_ERROR = -32016;

    private ErrorCodes() {
    }
}
