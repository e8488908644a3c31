package dev.daalu.server.model;

import java.util.List;
import java.util.Objects;

/**
 * One message of an OpenAI chat-completions conversation.
 *
 * @param role who speaks
 * @param content the text; may be null for an assistant message that only calls tools
 * @param toolCalls the tool calls of an assistant message; empty otherwise
 * @param toolCallId for a {@link Role#TOOL} message, the id of the call it answers; null otherwise
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId) {

    public enum Role {
        SYSTEM("system"), USER("user"), ASSISTANT("assistant"), TOOL("tool");

        private final String wire;

        Role(String wire) {
            this.wire = wire;
        }

        /** The role's name in the OpenAI wire format. */
        public String wire() {
            return wire;
        }
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (role == Role.TOOL && toolCallId == null) {
            throw new IllegalArgumentException("a tool message needs the tool_call_id it answers");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(Role.SYSTEM, content, List.of(), null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content, List.of(), null);
    }

    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage(Role.ASSISTANT, content, toolCalls, null);
    }

    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage(Role.TOOL, content, List.of(), toolCallId);
    }

    public ChatMessage withContent(String value) {
        return new ChatMessage(role, value, toolCalls, toolCallId);
    }
}
