package dev.daalu.server.protocol;

/** {@code chat/sessions} params: at most {@code limit} sessions (default 20). */
public record SessionListParams(Integer limit) { }
