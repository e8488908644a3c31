package dev.daalu.server.protocol;

/** {@code chat/delta}: a fragment of the answer, in order. */
public record ChatDelta(String sessionId, String turnId, String text) { }
