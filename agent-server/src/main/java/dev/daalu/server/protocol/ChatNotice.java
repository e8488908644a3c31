package dev.daalu.server.protocol;

/**
 * {@code chat/notice}: something the user should know about a turn that is not part of the answer, e.g. that a
 * malformed tool call was recovered or the history was condensed to fit the context window.
 */
public record ChatNotice(String sessionId, String turnId, String message) { }
