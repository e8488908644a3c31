package dev.daalu.indexer;

import java.util.List;
import java.util.Objects;

/**
 * Asks for a repo map.
 *
 * @param focus paths (relative to the root) or identifiers the map should lean towards; may be empty
 * @param maxTokens the map never exceeds this many estimated tokens, and uses most of them
 *     when the repository has enough to show
 */
public record RepoMapRequest(List<String> focus, int maxTokens) {

    public static final int DEFAULT_MAX_TOKENS = 1024;
    public static final int MIN_TOKENS = 64;
    public static final int MAX_TOKENS = 65_536;

    public RepoMapRequest {
        focus = List.copyOf(Objects.requireNonNull(focus, "focus"));
        if (maxTokens < MIN_TOKENS || maxTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("maxTokens must be between " + MIN_TOKENS + " and " + MAX_TOKENS);
        }
    }

    public static RepoMapRequest of(int maxTokens, String... focus) {
        return new RepoMapRequest(List.of(focus), maxTokens);
    }
}
