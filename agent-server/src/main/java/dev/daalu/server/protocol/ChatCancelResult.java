package dev.daalu.server.protocol;

/** {@code chat/cancel} result: whether a running turn was cancelled. */
public record ChatCancelResult(boolean cancelled) { }
