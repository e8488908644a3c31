package dev.daalu.server.agent;

import dev.daalu.server.model.ModelError;

import java.util.Objects;

/**
 * How a turn ended.
 *
 * @param kind the ending
 * @param text the final answer for {@link Kind#COMPLETED}; otherwise a message for the user saying why it stopped
 * @param error the model error for {@link Kind#ERROR} when a model call failed; null otherwise
 * @param steps how many model calls the turn made
 */
public record TurnOutcome(Kind kind, String text, ModelError error, int steps) {

    public enum Kind { COMPLETED, CANCELLED, ERROR, STEP_LIMIT, LOOP_DETECTED }

    public TurnOutcome {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }
}
