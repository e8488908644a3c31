package dev.daalu.server.protocol;

/**
 * {@code agent/ping} result.
 *
 * @param text the params' text, unchanged (null when none was sent)
 * @param initialized whether {@code initialize} has completed
 */
public record PingResult(String text, boolean initialized) { }
