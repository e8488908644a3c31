package dev.daalu.server.protocol;

import java.util.List;

/**
 * {@code repoMap/get} params.
 *
 * @param focus paths or identifiers to lean towards; may be null
 * @param maxTokens budget (default 1024)
 */
public record RepoMapParams(List<String> focus, Integer maxTokens) { }
