package dev.daalu.server.protocol;

/**
 * {@code chat/send} result, sent when the turn ends.
 *
 * @param sessionId the session (new or continued)
 * @param turnId this turn's id, as carried by its notifications
 * @param outcome {@code completed}, {@code cancelled}, {@code error}, {@code step_limit} or {@code loop_detected}
 * @param text the final answer (completed), or the message saying why the turn stopped
 * @param error details when {@code outcome} is {@code error}; null otherwise
 * @param steps model calls made in this turn
 */
public record ChatSendResult(String sessionId, String turnId, String outcome, String text, ErrorInfo error, int steps) {

    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String ERROR = "error";
    public static final String STEP_LIMIT = "step_limit";
    public static final String LOOP_DETECTED = "loop_detected";

    /**
     * @param code a documented code from {@link ErrorCodes}
     * @param reason a stable word for programs, e.g. {@code context_length}
     * @param message for the user: what went wrong and how to fix it
     */
    public record ErrorInfo(int code, String reason, String message) { }
}
