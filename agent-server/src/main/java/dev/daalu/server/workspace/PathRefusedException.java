package dev.daalu.server.workspace;

/**
 * A path argument that the workspace refuses: outside the root, through a link that leaves it,
 * malformed, or inside {@code .git}. The message says why and what to send instead; it is meant for
 * the model, which can retry.
 */
public final class PathRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public PathRefusedException(String message) {
        super(message);
    }
}
