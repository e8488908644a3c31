package dev.daalu.server.model;

import java.util.List;

/**
 * The assembled answer to one request.
 *
 * @param content the visible text (null or empty when the model only called tools)
 * @param reasoning reasoning text the server sent apart ({@code reasoning_content} / {@code reasoning});
 *     never shown as the answer, never replayed to the model
 * @param toolCalls the tool calls, in order; a turn with tool calls is a tool turn whatever the finish reason
 * @param finishReason the server's finish reason, or null if it sent none
 * @param usage the usage the server reported, or null when it sent none (unknown, not zero)
 * @param recoveries what was repaired or recovered while assembling (for the log), empty normally
 */
public record ChatCompletion(String content, String reasoning, List<ToolCall> toolCalls, String finishReason,
                             Usage usage, List<String> recoveries) {

    public ChatCompletion {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        recoveries = recoveries == null ? List.of() : List.copyOf(recoveries);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
