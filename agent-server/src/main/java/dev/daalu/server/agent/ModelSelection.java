package dev.daalu.server.agent;

import dev.daalu.server.model.ModelError;

/**
 * Chooses the model for the next model call. The router implements it; every model call of a turn (answers,
 * condensing, token counting) goes through the target it returns.
 */
@FunctionalInterface
public interface ModelSelection {

    /**
     * @throws ModelError with {@link ModelError.Reason#NOT_CONFIGURED} when no allowed tier can serve, with a
     *     message saying why and how to add one
     */
    ModelTarget select() throws ModelError;
}
