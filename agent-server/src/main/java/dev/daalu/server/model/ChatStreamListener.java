package dev.daalu.server.model;

/**
 * Receives a streamed answer as it arrives. Called on the HTTP reading thread, in order;
 * implementations must be fast and must not throw.
 *
 * <p>Content deltas are passed on before the answer is complete, so they can turn out to be tool calls the
 * model wrote as text: when the final {@link ChatCompletion#contentRetracted()} is true, remove what was
 * shown. Reasoning (a reasoning field, or a leading {@code <think>} block) arrives through
 * {@link #onReasoning} only, never through {@link #onContent}.
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
