package dev.daalu.indexer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Tunables of an index. Defaults suit a workstation; every field can be overridden.
 *
 * @param indexDir where the index lives; null means the XDG cache directory keyed by the
 *     workspace's real path ({@code $XDG_CACHE_HOME/daalu/index/<name>-<hash>})
 * @param maxParseBytes files larger than this are searchable text but not parsed for symbols
 * @param maxLineLength a file with a line longer than this counts as minified: searchable, not parsed
 * @param maxNestingDepth a file whose bracket nesting exceeds this is not parsed (protects the
 *     parser's native stack)
 * @param parseTimeoutMillis a parse that runs longer is abandoned for that file
 * @param symbolsForVendored whether vendored and generated code enters the symbol graph
 * @param extraVendorPatterns gitignore-style patterns treated as vendored, beside the built-in ones
 * @param respectGitignore whether .gitignore files and .git/info/exclude are honoured
 *     (.daaluignore always is)
 * @param threads worker threads for reading and parsing
 */
public record IndexConfig(
        Path indexDir,
        long maxParseBytes,
        int maxLineLength,
        int maxNestingDepth,
        long parseTimeoutMillis,
        boolean symbolsForVendored,
        List<String> extraVendorPatterns,
        boolean respectGitignore,
        int threads) {

    public static final long DEFAULT_MAX_PARSE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_LINE_LENGTH = 4096;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 1000;
    public static final long DEFAULT_PARSE_TIMEOUT_MILLIS = 2000;

    public IndexConfig {
        extraVendorPatterns = List.copyOf(Objects.requireNonNull(extraVendorPatterns, "extraVendorPatterns"));
        if (maxParseBytes <= 0 || maxLineLength <= 0 || maxNestingDepth <= 0 || parseTimeoutMillis <= 0 || threads <= 0) {
            throw new IllegalArgumentException("IndexConfig limits must be positive");
        }
    }

    public static IndexConfig defaults() {
        return new IndexConfig(null, DEFAULT_MAX_PARSE_BYTES, DEFAULT_MAX_LINE_LENGTH,
                DEFAULT_MAX_NESTING_DEPTH, DEFAULT_PARSE_TIMEOUT_MILLIS, false, List.of(), true,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public IndexConfig withIndexDir(Path dir) {
        return new IndexConfig(dir, maxParseBytes, maxLineLength, maxNestingDepth, parseTimeoutMillis,
                symbolsForVendored, extraVendorPatterns, respectGitignore, threads);
    }

    public IndexConfig withSymbolsForVendored(boolean value) {
        return new IndexConfig(indexDir, maxParseBytes, maxLineLength, maxNestingDepth, parseTimeoutMillis,
                value, extraVendorPatterns, respectGitignore, threads);
    }

    public IndexConfig withRespectGitignore(boolean value) {
        return new IndexConfig(indexDir, maxParseBytes, maxLineLength, maxNestingDepth, parseTimeoutMillis,
                symbolsForVendored, extraVendorPatterns, value, threads);
    }

    public IndexConfig withThreads(int value) {
        return new IndexConfig(indexDir, maxParseBytes, maxLineLength, maxNestingDepth, parseTimeoutMillis,
                symbolsForVendored, extraVendorPatterns, respectGitignore, value);
    }
}
