package dev.daalu.indexer.parse;

import dev.daalu.indexer.IndexConfig;

/**
 * Cheap checks that run before a parse, so text that would make a grammar slow or exhaust its native stack
 * (one multi-megabyte minified line, a hundred thousand nested parentheses) is never handed to tree-sitter.
 * The file stays searchable; only its tags are skipped.
 */
public final class ParseGuard {

    public static final String TOO_LARGE = "too large";
    public static final String MINIFIED = "minified";
    public static final String TOO_DEEP = "nesting too deep";

    private final long maxBytes;
    private final int maxLineLength;
    private final int maxNestingDepth;

    ParseGuard(IndexConfig config) {
        this.maxBytes = config.maxParseBytes();
        this.maxLineLength = config.maxLineLength();
        this.maxNestingDepth = config.maxNestingDepth();
    }

    /** Why {@code text} must not be parsed, or null when it may be. */
    String refusal(String text) {
        // a UTF-8 encoding is at least one byte per char, so this is exact enough without encoding
        if (text.length() > maxBytes) {
            return TOO_LARGE;
        }
        return shapeRefusal(text, maxLineLength, maxNestingDepth);
    }

    /**
     * {@link #MINIFIED} when a line is longer than {@code maxLineLength}, {@link #TOO_DEEP} when brackets nest
     * deeper than {@code maxNestingDepth}, else null: one pass over the text, shared with the index's classifier.
     */
    public static String shapeRefusal(CharSequence text, int maxLineLength, int maxNestingDepth) {
        int lineLength = 0;
        int depth = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineLength = 0;
                continue;
            }
            if (++lineLength > maxLineLength) {
                return MINIFIED;
            }
            // brackets inside strings and comments count too: an overestimate is the safe side
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > maxNestingDepth) {
                    return TOO_DEEP;
                }
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return null;
    }

    /** Whether the UTF-8 encoding (known only after encoding) is within the size limit. */
    boolean fits(SourceText source) {
        return source.length() <= maxBytes;
    }
}
