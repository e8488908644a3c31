package dev.daalu.indexer;

import java.util.List;

/**
 * The outcome of a {@link SearchQuery}.
 *
 * @param mode the mode the query ran in
 * @param hits at most {@code maxResults} hits, best first
 * @param totalMatches number of matching lines in all files (exact, not capped)
 * @param filesMatched number of text files with at least one matching line
 * @param truncated whether more hits exist than were returned
 * @param binaryFilesMatched binary files whose bytes contain a literal query ("binary file matches");
 *     their content is never returned
 * @param error null, or why the query could not run (for example an invalid regex), in words
 *     that tell the caller how to fix it
 * @param candidateFiles how many files the index pre-selected for verification (for benchmarks)
 * @param tookMillis wall time of the search
 */
public record SearchResults(
        SearchQuery.Mode mode,
        List<SearchHit> hits,
        long totalMatches,
        int filesMatched,
        boolean truncated,
        List<String> binaryFilesMatched,
        String error,
        int candidateFiles,
        long tookMillis) {

    public SearchResults {
        hits = List.copyOf(hits);
        binaryFilesMatched = List.copyOf(binaryFilesMatched);
    }

    public static SearchResults failed(SearchQuery.Mode mode, String error) {
        return new SearchResults(mode, List.of(), 0, 0, false, List.of(), error, 0, 0);
    }

    /**
     * One matching line.
     *
     * @param path path relative to the workspace root, '/'-separated
     * @param line 1-based line number
     * @param column 1-based column (in characters) of the first match on the line
     * @param text the line (long lines are cut around the match)
     * @param before up to {@code contextLines} lines before
     * @param after up to {@code contextLines} lines after
     * @param definition whether the line defines the searched identifier
     * @param score rank score; higher is better
     */
    public record SearchHit(String path, int line, int column, String text, List<String> before,
                            List<String> after, boolean definition, double score) {
        public SearchHit {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        /** {@code path:line:column}, the form editors and terminals link. */
        public String location() {
            return path + ":" + line + ":" + column;
        }
    }
}
