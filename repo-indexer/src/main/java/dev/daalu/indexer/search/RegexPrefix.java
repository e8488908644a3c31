package dev.daalu.indexer.search;

/**
 * The literal text a regular expression's every match starts with, read from its source: {@code ^#define\s+}
 * gives {@code #define}, {@code kmalloc\(} gives {@code kmalloc(}, {@code abc?d} gives {@code ab}. Scanning for
 * it with {@link String#indexOf} finds the only lines worth handing to the regex engine, which is many times
 * slower per character. Anything not plainly literal ends the prefix: a class, a group (so an inline
 * {@code (?i)} never precedes it), an escape other than punctuation. A pattern with a {@code |} anywhere has
 * no prefix: without alternation a pattern is one sequence, so its leading literal is in every match.
 */
final class RegexPrefix {

    private static final String QUANTIFIERS = "?*+{";
    private static final String SPECIAL = "\\^$.|?*+()[]{}";

    private RegexPrefix() {
    }

    /** The prefix, or "" when the pattern does not start with literal text or holds a {@code |}. */
    static String of(String pattern) {
        if (pattern.indexOf('|') >= 0) {
            return "";
        }
        StringBuilder prefix = new StringBuilder();
        int i = pattern.startsWith("^") ? 1 : 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            char literal;
            int next;
            if (c == '\\' && i + 1 < pattern.length() && SPECIAL.indexOf(pattern.charAt(i + 1)) >= 0) {
                literal = pattern.charAt(i + 1);
                next = i + 2;
            } else if (SPECIAL.indexOf(c) < 0) {
                literal = c;
                next = i + 1;
            } else {
                break;
            }
            if (next < pattern.length() && QUANTIFIERS.indexOf(pattern.charAt(next)) >= 0) {
                break;
            }
            prefix.append(literal);
            i = next;
        }
        return prefix.toString();
    }
}
