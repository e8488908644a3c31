package dev.daalu.server.protocol;

/**
 * {@code chat/toolResult}: a tool call finished.
 *
 * @param status {@code ok}, {@code error}, {@code denied} or {@code cancelled}
 * @param output what the model is told (capped)
 * @param truncated whether {@code output} was cut
 */
public record ChatToolResult(String sessionId, String turnId, String callId, String tool, String status,
                             String output, boolean truncated) {

    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String DENIED = "denied";
    public static final String CANCELLED = "cancelled";
}
