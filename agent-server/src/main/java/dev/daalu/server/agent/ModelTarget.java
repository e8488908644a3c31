package dev.daalu.server.agent;

import dev.daalu.server.model.ChatClient;

import java.util.Objects;

/**
 * The model a turn talks to, as the router chose it.
 *
 * @param client the client for the chosen tier
 * @param servedModel the name sent as {@code model} (the catalog entry the workspace chose)
 * @param contextWindow tokens of context of that model
 * @param maxAnswerTokens tokens reserved for the answer (sent as {@code max_tokens})
 * @param tokens counts prompt tokens on this tier (exactly where it has a tokenizer)
 */
public record ModelTarget(ChatClient client, String servedModel, int contextWindow, int maxAnswerTokens, PromptTokens tokens) {

    public ModelTarget {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(servedModel, "servedModel");
        Objects.requireNonNull(tokens, "tokens");
        if (contextWindow < 1024 || maxAnswerTokens < 64 || maxAnswerTokens >= contextWindow) {
            throw new IllegalArgumentException("implausible context window " + contextWindow + " / answer reserve " + maxAnswerTokens);
        }
    }
}
