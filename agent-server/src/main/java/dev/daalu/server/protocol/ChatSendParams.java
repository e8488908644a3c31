package dev.daalu.server.protocol;

/**
 * {@code chat/send} params.
 *
 * @param sessionId the session to continue (a stored one is resumed); null starts a new session
 * @param message the user's message; must not be blank
 */
public record ChatSendParams(String sessionId, String message) { }
