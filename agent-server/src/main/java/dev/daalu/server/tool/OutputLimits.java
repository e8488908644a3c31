package dev.daalu.server.tool;

/**
 * Caps on what one tool call may return to the model, proportional to the model's context window: on an
 * 8K model a 2,000-line file comes back as a window of it with directions for reading on.
 *
 * @param maxOutputChars characters of output per call
 * @param maxReadLines lines a read_file returns per call
 * @param maxListEntries entries a list_dir returns
 * @param maxSearchResults hits a search_files returns at most
 */
public record OutputLimits(int maxOutputChars, int maxReadLines, int maxListEntries, int maxSearchResults) {

    /** Share of the context window one tool result may take. */
    static final double WINDOW_SHARE = 0.25;
    /** Conservative chars per token for code and logs. */
    static final double CHARS_PER_TOKEN = 3.0;

    public OutputLimits {
        if (maxOutputChars < 200 || maxReadLines < 10 || maxListEntries < 10 || maxSearchResults < 1) {
            throw new IllegalArgumentException("output limits too small");
        }
    }

    /** Limits for a model with {@code contextTokens} of context. */
    public static OutputLimits forContextWindow(int contextTokens) {
        int chars = (int) Math.max(2_000, Math.min(200_000, contextTokens * WINDOW_SHARE * CHARS_PER_TOKEN));
        int lines = Math.max(50, Math.min(2_000, chars / 40));
        int entries = Math.max(50, Math.min(1_000, chars / 30));
        int hits = Math.max(10, Math.min(100, chars / 200));
        return new OutputLimits(chars, lines, entries, hits);
    }
}
