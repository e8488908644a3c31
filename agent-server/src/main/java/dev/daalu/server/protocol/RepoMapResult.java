package dev.daalu.server.protocol;

import java.util.List;

/**
 * {@code repoMap/get} result.
 *
 * @param text the rendered map
 * @param tokens its estimated tokens
 * @param files the files shown, in order
 */
public record RepoMapResult(String text, int tokens, int maxTokens, List<String> files) { }
