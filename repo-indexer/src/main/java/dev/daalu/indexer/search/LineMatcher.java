package dev.daalu.indexer.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of a text that hold a match, with {@code rg}'s notion of a line: the text between
 * {@code \n} characters, without the {@code \n} (a {@code \r} before it stays part of the line, as in
 * {@code rg}), and no empty line after a final {@code \n}.
 *
 * <p>Instances are immutable and thread-safe; each {@link #scan} uses its own matchers.
 */
public sealed interface LineMatcher {

    /** Receives one matching line; {@code matchStart} is the offset of the line's first match. */
    @FunctionalInterface
    interface LineVisitor {
        /** @return false to stop scanning this text */
        boolean onLine(int lineNumber, int lineStart, int lineEnd, int matchStart);
    }

    /** Visits every line of {@code text} with at least one match, in order. */
    void scan(String text, LineVisitor visitor);

    /** Whether {@code s} (a symbol's name) holds a match; decides whether a hit is a definition. */
    boolean matchesIn(String s);

    /** Exact, case-sensitive substring. */
    static LineMatcher literal(String literal) {
        return new Literal(literal);
    }

    /**
     * A pattern compiled with {@link #REGEX_FLAGS}, matched against each line as a whole input. Lines are
     * found, fastest first: by the {@link RegexPrefix literal prefix} every match starts with; else, when
     * {@code lineSafe} (see {@link RegexLiterals}), by a multi-line copy searching the whole text; else
     * every line is matched.
     *
     * @param deadline bounds the time spent in the regex engine (catastrophic backtracking)
     */
    static LineMatcher regex(Pattern pattern, boolean lineSafe, Deadline deadline) {
        if ((pattern.flags() & REGEX_FLAGS) != REGEX_FLAGS) {
            throw new IllegalArgumentException("compile the pattern with LineMatcher.REGEX_FLAGS");
        }
        String prefix = RegexPrefix.of(pattern.pattern());
        boolean usePrefix = prefix.length() >= Regex.MIN_PREFIX;
        Pattern whole = lineSafe && !usePrefix ? Pattern.compile(pattern.pattern(), pattern.flags() | Pattern.MULTILINE) : null;
        return new Regex(pattern, usePrefix ? prefix : null, whole, deadline);
    }

    /**
     * An identifier search: the rarest character of the pattern's first literal is found with
     * {@link String#indexOf} (in both cases), the literal is compared around it, and the pattern is tried
     * only there. A case-insensitive regex scan of the whole text costs tens of nanoseconds per character in
     * Java; this costs a fraction of one.
     *
     * @param pattern {@code identifier}'s pattern, compiled with {@link #REGEX_FLAGS}
     */
    static LineMatcher identifier(IdentifierPattern identifier, Pattern pattern) {
        String body = identifier.body();
        int special = body.indexOf('[');
        String prefix = special < 0 ? body : body.substring(0, special);
        int anchor = 0;
        for (int i = 1; i < prefix.length(); i++) {
            if (Identifier.RARITY.indexOf(prefix.charAt(i)) > Identifier.RARITY.indexOf(prefix.charAt(anchor))) {
                anchor = i;
            }
        }
        return new Identifier(prefix, anchor, pattern);
    }

    /**
     * Per-line semantics close to {@code rg}: a line is the whole input, so {@code ^ $} are its ends (also
     * for an empty line, where Java's MULTILINE {@code ^} would not match); only {@code \n} ends a line, so
     * {@code .} matches {@code \r}; Unicode {@code \w \d \s \b} and case folding.
     */
    int REGEX_FLAGS = Pattern.UNIX_LINES | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** Counts line numbers forward through one text. */
    final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(int offset) {
            for (int i = text.indexOf('\n', position); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
                line++;
            }
            position = offset;
            return line;
        }
    }

    /** Whether a line starting at {@code start} would be past the last line (the text's lines have ended). */
    private static boolean pastLastLine(String text, int start) {
        return start > text.length()
                || (start == text.length() && (text.isEmpty() || text.charAt(text.length() - 1) == '\n'));
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    record Literal(String literal) implements LineMatcher {
        @Override
        public void scan(String text, LineVisitor visitor) {
            if (literal.indexOf('\n') >= 0) {
                return;
            }
            LineCounter lines = new LineCounter(text);
            int from = 0;
            while (from <= text.length()) {
                int at = text.indexOf(literal, from);
                if (at < 0) {
                    return;
                }
                int start = text.lastIndexOf('\n', at - 1) + 1;
                int end = lineEnd(text, at);
                if (!visitor.onLine(lines.lineAt(start), start, end, at)) {
                    return;
                }
                from = end + 1;
            }
        }

        @Override
        public boolean matchesIn(String s) {
            return s.contains(literal);
        }
    }

    /**
     * @param prefix lower-case ASCII that every match starts with, case-insensitively
     * @param anchor the position in {@code prefix} of the character searched for
     */
    record Identifier(String prefix, int anchor, Pattern pattern) implements LineMatcher {
        /** Characters of identifiers from most to least frequent in source code (roughly); picks the anchor. */
        private static final String RARITY = "etaoinsrlcdupmhfgbyw_vkx0123456789qjz-";

        @Override
        public void scan(String text, LineVisitor visitor) {
            if (hasCasePartners(text)) {
                scanFolded(text, visitor);
                return;
            }
            char lower = prefix.charAt(anchor);
            char upper = Character.toUpperCase(lower);
            LineCounter lines = new LineCounter(text);
            Matcher at = pattern.matcher(text);
            int nextLower = text.indexOf(lower, anchor);
            int nextUpper = upper == lower ? -1 : text.indexOf(upper, anchor);
            int from = 0;
            while (nextLower >= 0 || nextUpper >= 0) {
                int found;
                if (nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper)) {
                    found = nextLower;
                    nextLower = text.indexOf(lower, found + 1);
                } else {
                    found = nextUpper;
                    nextUpper = text.indexOf(upper, found + 1);
                }
                int start = found - anchor;
                if (start < from || !text.regionMatches(true, start, prefix, 0, prefix.length())) {
                    continue;
                }
                int end = lineEnd(text, start);
                if (at.region(start, end).lookingAt()) {
                    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
                    if (!visitor.onLine(lines.lineAt(lineStart), lineStart, end, start)) {
                        return;
                    }
                    from = end + 1;
                }
            }
        }

        // KELVIN SIGN, LONG S and the Turkish Is equal ASCII letters case-insensitively; rare, so such texts
        // take the slower way: a folded copy searched for the whole prefix
        private void scanFolded(String text, LineVisitor visitor) {
            String folded = foldAsciiCase(text);
            LineCounter lines = new LineCounter(text);
            Matcher at = pattern.matcher(text);
            int from = 0;
            while (from <= text.length()) {
                int found = folded.indexOf(prefix, from);
                if (found < 0) {
                    return;
                }
                int end = lineEnd(text, found);
                if (at.region(found, end).lookingAt()) {
                    int start = text.lastIndexOf('\n', found - 1) + 1;
                    if (!visitor.onLine(lines.lineAt(start), start, end, found)) {
                        return;
                    }
                    from = end + 1;
                } else {
                    from = found + 1;
                }
            }
        }

        private static boolean hasCasePartners(String text) {
            return text.indexOf('\u212A') >= 0 || text.indexOf('\u017F') >= 0
                    || text.indexOf('\u0130') >= 0 || text.indexOf('\u0131') >= 0;
        }

        @Override
        public boolean matchesIn(String s) {
            return pattern.matcher(s).find();
        }

        /**
         * The text with every character that case-insensitively equals an ASCII letter replaced by that
         * letter in lower case, offsets unchanged: ASCII capitals, and the four others Java's Unicode case
         * matching pairs with ASCII (KELVIN SIGN, LONG S, dotted and dotless I).
         */
        static String foldAsciiCase(String text) {
            char[] out = new char[text.length()];
            for (int i = 0; i < out.length; i++) {
                char c = text.charAt(i);
                out[i] = switch (c) {
                    case '\u212A' -> 'k';
                    case '\u017F' -> 's';
                    case '\u0130', '\u0131' -> 'i';
                    default -> c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                };
            }
            return new String(out);
        }
    }

    /**
     * @param prefix literal text every match starts with, or null
     * @param whole the pattern with MULTILINE, to search the whole text, or null
     */
    record Regex(Pattern pattern, String prefix, Pattern whole, Deadline deadline) implements LineMatcher {
        /** A literal prefix at least this long is searched for with {@code indexOf} before the regex runs. */
        private static final int MIN_PREFIX = 3;

        @Override
        public void scan(String text, LineVisitor visitor) {
            CharSequence guarded = deadline.guard(text);
            Matcher line = pattern.matcher(guarded);
            if (prefix != null) {
                scanByPrefix(text, prefix, line, visitor);
            } else if (whole != null) {
                scanWhole(text, whole.matcher(guarded), line, visitor);
            } else {
                scanLines(text, line, visitor);
            }
        }

        private static void scanWhole(String text, Matcher whole, Matcher line, LineVisitor visitor) {
            LineCounter lines = new LineCounter(text);
            int from = 0;
            while (from <= text.length() && whole.find(from)) {
                int at = whole.start();
                int start = at == 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
                if (pastLastLine(text, start)) {
                    return;
                }
                int end = lineEnd(text, at);
                // a match inside the line is a per-line match, except that MULTILINE '^' refuses an empty
                // line at the very end; checking the line on its own settles every other case
                int first = -1;
                if (whole.end() <= end && end > start) {
                    first = at;
                } else if (line.region(start, end).find()) {
                    first = line.start();
                }
                if (first >= 0 && !visitor.onLine(lines.lineAt(start), start, end, first)) {
                    return;
                }
                from = end + 1;
            }
        }

        // Only lines holding the prefix can match; each is matched on its own
        private static void scanByPrefix(String text, String prefix, Matcher line, LineVisitor visitor) {
            LineCounter lines = new LineCounter(text);
            int from = 0;
            while (from <= text.length()) {
                int found = text.indexOf(prefix, from);
                if (found < 0) {
                    return;
                }
                int start = text.lastIndexOf('\n', found - 1) + 1;
                int end = lineEnd(text, found);
                if (line.region(start, end).find() && !visitor.onLine(lines.lineAt(start), start, end, line.start())) {
                    return;
                }
                from = end + 1;
            }
        }

        private static void scanLines(String text, Matcher line, LineVisitor visitor) {
            int number = 1;
            for (int start = 0; !pastLastLine(text, start); number++) {
                int end = lineEnd(text, start);
                if (line.region(start, end).find() && !visitor.onLine(number, start, end, line.start())) {
                    return;
                }
                start = end + 1;
            }
        }

        @Override
        public boolean matchesIn(String s) {
            return pattern.matcher(s).find();
        }
    }
}
