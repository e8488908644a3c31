package dev.daalu.server.protocol;

import java.util.List;

/**
 * {@code search/query} result.
 *
 * @param mode {@code literal}, {@code identifier} or {@code regex}
 * @param total matching lines in all files
 * @param truncated whether more hits exist than returned
 * @param binaryFilesMatched binary files that match (content never returned)
 */
public record SearchResult(String mode, List<Hit> hits, long total, int filesMatched, boolean truncated,
                           List<String> binaryFilesMatched) {

    /** One matching line; {@code line} and {@code column} are 1-based. */
    public record Hit(String path, int line, int column, String text, List<String> before, List<String> after) { }
}
