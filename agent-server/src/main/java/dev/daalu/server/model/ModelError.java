package dev.daalu.server.model;

import java.util.Objects;

/**
 * A model call that failed. The message is for the user: it names the endpoint and, where there is one,
 * the server's own message. Callers branch on {@link #reason()}, never on the message.
 */
public final class ModelError extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No in-perimeter tier is configured or none can serve. */
        NOT_CONFIGURED,
        /** The connection was refused or the host could not be reached. */
        CONNECTION,
        /** No answer, or no progress of the stream, within the timeout. */
        TIMEOUT,
        /** The prompt is longer than the model's context window. */
        CONTEXT_LENGTH,
        /** The server does not serve the requested model. */
        MODEL_NOT_FOUND,
        /** Any other HTTP error status. */
        HTTP_ERROR,
        /** An error object arrived inside the stream. */
        STREAM_ERROR,
        /** The stream ended before the answer was complete. */
        STREAM_CUT,
        /** The server answered something that is not a chat completion. */
        BAD_RESPONSE,
        /** The perimeter refused the destination (not an allowed tier). */
        PERIMETER,
        /** The turn was cancelled. */
        CANCELLED
    }

    private final Reason reason;
    private final String endpoint;
    private final int httpStatus;
    private final String serverMessage;

    public ModelError(Reason reason, String endpoint, int httpStatus, String serverMessage, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.serverMessage = serverMessage;
    }

    public ModelError(Reason reason, String endpoint, String message) {
        this(reason, endpoint, 0, null, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The base URL of the server, or null when none was chosen. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's own error message, or null. */
    public String serverMessage() {
        return serverMessage;
    }
}
