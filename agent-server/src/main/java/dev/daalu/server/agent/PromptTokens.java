package dev.daalu.server.agent;

import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ChatRequest;
import dev.daalu.server.model.ToolDefinition;
import dev.daalu.server.model.Usage;

import java.util.List;

/**
 * Counts the prompt tokens of a request: exactly through the serving tier's tokenizer where it has one,
 * otherwise by a calibrated estimate. Never fails. Thread-safe.
 */
@FunctionalInterface
public interface PromptTokens {

    int count(List<ChatMessage> messages, List<ToolDefinition> tools);

    /** Learns from what the server counted for a request it answered ({@code usage} may be null: unknown). */
    default void calibrate(ChatRequest request, Usage usage) {
    }

    /** A plain estimate for when no counter is known: a conservative 3 characters per token. */
    static PromptTokens estimate() {
        return (messages, tools) -> {
            long chars = 0;
            for (ChatMessage message : messages) {
                chars += message.content() == null ? 0 : message.content().length();
                chars += message.toolCalls().stream().mapToLong(c -> c.name().length() + c.arguments().length()).sum();
            }
            chars += tools.stream().mapToLong(t -> t.name().length() + t.description().length() + t.parameters().toString().length()).sum();
            return (int) Math.ceil(chars / 3.0);
        };
    }
}
