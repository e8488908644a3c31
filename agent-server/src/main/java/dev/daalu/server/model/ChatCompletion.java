package dev.daalu.server.model;

import java.util.List;
import java.util.Objects;

/**
 * The assembled answer to one request.
 *
 * <p><b>Truncation.</b> {@code finishReason} is {@code "length"} when the answer hit the request's
 * {@code max_tokens}, also when the server said otherwise: a server can close a tool call cut by
 * {@code max_tokens} with {@code "tool_calls"} and arguments that still parse (the client compares
 * {@code usage.completion_tokens} with {@code max_tokens} and adds a note to {@code recoveries}). When
 * {@link #truncated()} is true, tool calls may carry cut arguments: the agent must not run a call with side
 * effects from such an answer, but tell the model the answer was cut.
 *
 * <p><b>Tool calls written as text.</b> When the client's text recovery is enabled and the whole content
 * was tool calls written as text, {@code content} is null, {@code toolCalls} holds the recovered calls and
 * {@code textToolCalls} is {@link TextToolCalls#RECOVERED}. The content deltas were streamed to the
 * listener before this was known: hosts that showed them retract them ({@link #contentRetracted()}).
 * {@link TextToolCalls#MALFORMED} means the content looked like a tool call but could not be read; the
 * content is kept and {@code recoveries} says what was wrong, for the agent to tell the model.
 *
 * @param content the visible text; null when the model only called tools (or its text was consumed as calls)
 * @param reasoning reasoning text the server sent apart ({@code reasoning_content} / {@code reasoning}) or
 *     inline in {@code <think>} tags; never shown as the answer, never replayed to the model; null if none
 * @param toolCalls the tool calls, in order; a turn with tool calls is a tool turn whatever the finish reason
 * @param finishReason the finish reason ({@code "stop"}, {@code "tool_calls"}, {@code "length"}...), or null
 *     if the server sent none
 * @param usage the usage the server reported, or null when it sent none (unknown, not zero)
 * @param recoveries what was repaired, recovered or found wrong while assembling, for the log; empty normally
 * @param textToolCalls whether the content was read as tool calls
 */
public record ChatCompletion(String content, String reasoning, List<ToolCall> toolCalls, String finishReason,
                             Usage usage, List<String> recoveries, TextToolCalls textToolCalls) {

    /** What became of tool calls the model wrote into its content instead of the {@code tool_calls} field. */
    public enum TextToolCalls {
        /** The content is text (or recovery is disabled for this model). */
        NONE,
        /** The content was tool calls, now in {@code toolCalls}; the streamed content is to be retracted. */
        RECOVERED,
        /** The content looked like tool calls that could not be read; it stays text, {@code recoveries} says why. */
        MALFORMED
    }

    public ChatCompletion {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        recoveries = recoveries == null ? List.of() : List.copyOf(recoveries);
        textToolCalls = Objects.requireNonNullElse(textToolCalls, TextToolCalls.NONE);
    }

    /** An answer whose content is what the server sent, as text. */
    public ChatCompletion(String content, String reasoning, List<ToolCall> toolCalls, String finishReason,
                          Usage usage, List<String> recoveries) {
        this(content, reasoning, toolCalls, finishReason, usage, recoveries, TextToolCalls.NONE);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /** Whether the answer was cut by {@code max_tokens}: its text is incomplete, its tool calls must not run. */
    public boolean truncated() {
        return "length".equals(finishReason);
    }

    /** Whether the content deltas already streamed were tool calls, which hosts should remove from view. */
    public boolean contentRetracted() {
        return textToolCalls == TextToolCalls.RECOVERED;
    }
}
