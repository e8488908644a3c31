package dev.daalu.server.tool;

/**
 * A tool call that cannot go ahead: malformed arguments, a refused path, a missing file. The message is
 * for the model and says what to do instead; it becomes a {@link ToolResult#error error result}.
 */
public final class ToolException extends Exception {

    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
