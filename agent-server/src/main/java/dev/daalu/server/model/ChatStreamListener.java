package dev.daalu.server.model;

/**
 * Receives a streamed answer as it arrives. Called on the HTTP reading thread, in order;
 * implementations must be fast and must not throw.
 */
public interface ChatStreamListener {

    ChatStreamListener NONE = new ChatStreamListener() { };

    /** A fragment of visible content. */
    default void onContent(String delta) {
    }

    /** A fragment of reasoning text (kept apart from the answer). */
    default void onReasoning(String delta) {
    }
}
