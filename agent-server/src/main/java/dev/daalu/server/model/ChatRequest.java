package dev.daalu.server.model;

import java.util.List;
import java.util.Objects;

/**
 * One chat-completions request. The client always streams ({@code stream:true} with
 * {@code stream_options.include_usage}) and sends {@code tool_choice:"auto"} when tools are present.
 *
 * @param model the served model name (from the catalog entry the workspace chose)
 * @param messages the conversation, system message first
 * @param tools the tools offered; may be empty
 * @param maxTokens cap on the answer's tokens; null leaves it to the server
 * @param temperature sampling temperature; null leaves it to the server
 */
public record ChatRequest(String model, List<ChatMessage> messages, List<ToolDefinition> tools,
                          Integer maxTokens, Double temperature) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }

    public ChatRequest withMessages(List<ChatMessage> value) {
        return new ChatRequest(model, value, tools, maxTokens, temperature);
    }
}
