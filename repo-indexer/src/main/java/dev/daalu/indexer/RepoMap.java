package dev.daalu.indexer;

import java.util.List;

/**
 * A rendered repo map.
 *
 * @param text the map: each chosen file's path, then its most important definitions as
 *     {@code line: signature}, most important files first
 * @param tokens the estimated tokens of {@code text} (never over the request's budget)
 * @param maxTokens the budget asked for
 * @param files the files shown, in the order shown
 * @param filesRanked how many files took part in ranking
 */
public record RepoMap(String text, int tokens, int maxTokens, List<MapFile> files, int filesRanked) {

    public RepoMap {
        files = List.copyOf(files);
    }

    /** A file in the map; {@code skippedReason} is set when it is shown by path only. */
    public record MapFile(String path, double rank, List<MapEntry> definitions, String skippedReason) {
        public MapFile {
            definitions = List.copyOf(definitions);
        }
    }

    /** One definition: its name, its kind (function, class, resource...), and 1-based line. */
    public record MapEntry(String name, String kind, int line, String signature) { }
}
