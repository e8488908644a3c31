package dev.daalu.server.protocol;

/** {@code chat/cancel} params: the session whose running turn to cancel. */
public record ChatCancelParams(String sessionId) { }
