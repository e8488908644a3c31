package dev.daalu.server.agent;

import com.google.gson.JsonElement;

/**
 * Receives the events of one turn, in this order:
 * {@code onDelta}*, then per tool call {@code onToolCall} → (approval request)? → {@code onToolResult},
 * repeated per model step; the turn's {@link TurnOutcome} follows the last event.
 *
 * <p>Called on the turn's thread (deltas on the HTTP reading thread). Implementations must be fast
 * and must never throw.
 */
public interface TurnListener {

    TurnListener NONE = new TurnListener() { };

    /** A fragment of the visible answer. */
    default void onDelta(String text) {
    }

    /**
     * The model called a tool.
     *
     * @param arguments the parsed arguments, or a JSON string holding the raw text when it was not valid JSON
     * @param needsApproval whether the call waits for the user's approval before it runs
     */
    default void onToolCall(String callId, String tool, JsonElement arguments, boolean needsApproval) {
    }

    /** A tool call finished; {@code output} is what the model is told. */
    default void onToolResult(String callId, String tool, ToolStatus status, String output, boolean truncated) {
    }

    /** Something the user should know that is not part of the answer (a recovered tool call, a condensed history). */
    default void onNotice(String message) {
    }

    /** How a tool call ended. */
    enum ToolStatus { OK, ERROR, DENIED, CANCELLED }
}
