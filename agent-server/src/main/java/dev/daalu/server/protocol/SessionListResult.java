package dev.daalu.server.protocol;

import java.util.List;

/** {@code chat/sessions} result. */
public record SessionListResult(List<Session> sessions) {

    /**
     * @param title the first user message, shortened
     * @param createdAt ISO-8601 instant
     * @param updatedAt ISO-8601 instant
     * @param turns completed turns
     */
    public record Session(String sessionId, String title, String createdAt, String updatedAt, int turns) { }
}
