package dev.daalu.server.protocol;

/** {@code agent/ping} params: optional text to echo. */
public record PingParams(String text) { }
