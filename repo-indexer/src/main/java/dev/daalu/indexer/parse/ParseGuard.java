package dev.daalu.indexer.parse;

import dev.daalu.indexer.IndexConfig;

/**
 * Cheap checks that run before a parse, so text that would make a grammar slow or exhaust its native stack
 * (one multi-megabyte minified line, a hundred thousand nested parentheses) is never handed to tree-sitter.
 * The file stays searchable; only its tags are skipped.
 */
final class ParseGuard {

    static final String TOO_LARGE = "too large";
    static final String MINIFIED = "minified";
    static final String TOO_DEEP = "nesting too deep";

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
