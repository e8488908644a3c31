package dev.daalu.server.agent;

import dev.daalu.server.model.ChatMessage;

import java.util.List;

/**
 * The messages of one request after they were fitted to the context window.
 *
 * @param messages system prompt first, then the conversation as it will be sent
 * @param tokens their counted prompt tokens
 * @param limit the most prompt tokens the request may have (window minus the answer's reserve and a margin)
 * @param shortenedResults how many older tool results were shortened to fit
 * @param newestTurnStart index, in the conversation that was fitted, where its protected newest part begins
 *     (the latest model step, or the latest user message): what comes before it may be condensed when the request
 *     does not fit even with shortened results
 */
public record FittedRequest(List<ChatMessage> messages, int tokens, int limit, int shortenedResults, int newestTurnStart) {

    public FittedRequest {
        messages = List.copyOf(messages);
    }

    public boolean fits() {
        return tokens <= limit;
    }
}
