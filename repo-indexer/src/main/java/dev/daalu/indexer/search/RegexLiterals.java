package dev.daalu.indexer.search;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a Java regular expression (one that already compiled) for the text every match must contain, as a
 * {@link Formula} over trigrams: concatenation is AND, alternation OR; {@code ?}, {@code *} and {@code {0,n}}
 * make their operand optional; {@code x+} and {@code x{n,m}} require {@code x}; small character classes
 * ({@code [Ff]}, {@code [_-]}) expand into alternatives, and everything else (larger classes, {@code .},
 * {@code \d}, back-references) breaks a literal. Exact strings are tracked through concatenation while there
 * are at most {@value #MAX_EXACT} of them, so {@code bucket[_-]?policy} yields three full-length alternatives.
 *
 * <p>The result is a necessary condition only. Whatever the reader does not understand (comments mode,
 * nested classes, unknown escapes) gives {@link Formula#ALL}, which is always sound. Under
 * case-insensitivity only ASCII characters stay literal, because {@link Trigrams#fold} is exact for them.
 *
 * <p>It also reports whether the pattern is <em>line-safe</em>: free of lookaround, atomic groups,
 * possessive quantifiers and input anchors ({@code \A \G \Z \z}), so that a match found scanning the whole
 * text locates every line with a per-line match (see {@link LineMatcher}).
 */
public final class RegexLiterals {

    static final int MAX_EXACT = 32;
    static final int MAX_CLASS = 8;
    static final int MAX_FORMULA_SIZE = 256;

    /** @param required what a matching file must contain; @param lineSafe see the class comment */
    public record Analysis(Formula required, boolean lineSafe) { }

    private RegexLiterals() {
    }

    /** @param caseInsensitive whether the pattern is compiled with {@code CASE_INSENSITIVE} */
    public static Analysis analyse(String pattern, boolean caseInsensitive) {
        Reader reader = new Reader(pattern, caseInsensitive);
        try {
            Info info = reader.alternation();
            if (reader.pos != pattern.length()) {
                throw new Unsupported();
            }
            return new Analysis(info.formula().limit(MAX_FORMULA_SIZE), reader.lineSafe);
        } catch (Unsupported | IndexOutOfBoundsException e) {
            return new Analysis(Formula.ALL, false);
        }
    }

    /** A construct the reader does not analyse; the caller falls back to "no condition". */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * What one piece of a pattern matches: exactly one of {@code exact} (folded strings) when that is known,
     * and in any case text satisfying {@code match}.
     */
    private record Info(Set<String> exact, Formula match) {
        static final Info ANY = new Info(null, Formula.ALL);
        static final Info EMPTY = new Info(Set.of(""), Formula.ALL);

        static Info character(char c) {
            return new Info(Set.of(String.valueOf(Trigrams.fold(c))), Formula.ALL);
        }

        Formula formula() {
            return exact == null ? match : Formula.and(match, Formula.anyOf(exact));
        }
    }

    private static final class Reader {
        private final String p;
        private int pos;
        private boolean caseInsensitive;
        private boolean lineSafe = true;

        Reader(String pattern, boolean caseInsensitive) {
            this.p = pattern;
            this.caseInsensitive = caseInsensitive;
        }

        Info alternation() {
            List<Info> alternatives = new ArrayList<>();
            alternatives.add(concatenation());
            while (pos < p.length() && p.charAt(pos) == '|') {
                pos++;
                alternatives.add(concatenation());
            }
            if (alternatives.size() == 1) {
                return alternatives.get(0);
            }
            Set<String> union = new LinkedHashSet<>();
            Formula either = null;
            for (Info alternative : alternatives) {
                if (union != null && alternative.exact() != null) {
                    union.addAll(alternative.exact());
                } else {
                    union = null;
                }
                either = either == null ? alternative.formula() : Formula.or(either, alternative.formula());
            }
            if (union != null && union.size() <= MAX_EXACT) {
                return new Info(union, Formula.ALL);
            }
            return new Info(null, either);
        }

        Info concatenation() {
            Sequence sequence = new Sequence();
            while (pos < p.length() && p.charAt(pos) != '|' && p.charAt(pos) != ')') {
                List<Info> pieces = atom();
                for (Info piece : quantified(pieces)) {
                    sequence.add(piece);
                }
            }
            return sequence.result();
        }

        private List<Info> atom() {
            char c = p.charAt(pos);
            switch (c) {
                case '(':
                    return List.of(group());
                case '[':
                    return List.of(characterClass());
                case '\\':
                    return escape();
                case '.':
                    pos++;
                    return List.of(Info.ANY);
                case '^':
                case '$':
                    pos++;
                    return List.of(Info.EMPTY);
                case '*':
                case '+':
                case '?':
                case '{':
                    throw new Unsupported();
                default:
                    pos++;
                    return List.of(literal(c));
            }
        }

        private Info literal(char c) {
            return caseInsensitive && c >= 0x80 ? Info.ANY : Info.character(c);
        }

        // A quantifier applies to the last piece (for \Q..\E, to its last character, as in Java)
        private List<Info> quantified(List<Info> pieces) {
            if (pos >= p.length()) {
                return pieces;
            }
            int min;
            int max;
            char c = p.charAt(pos);
            if (c == '*') {
                min = 0;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{') {
                int close = p.indexOf('}', pos);
                String[] bounds = p.substring(pos + 1, close).split(",", -1);
                min = Integer.parseInt(bounds[0].strip());
                max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].strip());
                pos = close + 1;
            } else {
                return pieces;
            }
            if (pos < p.length() && p.charAt(pos) == '?') {
                pos++;
            } else if (pos < p.length() && p.charAt(pos) == '+') {
                pos++;
                lineSafe = false;
            }
            List<Info> out = new ArrayList<>(pieces.subList(0, pieces.size() - 1));
            out.addAll(repeated(pieces.get(pieces.size() - 1), min, max));
            return out;
        }

        private static List<Info> repeated(Info x, int min, int max) {
            if (min == 0) {
                if (max == 1 && x.exact() != null && x.exact().size() < MAX_EXACT) {
                    Set<String> optional = new LinkedHashSet<>(x.exact());
                    optional.add("");
                    return List.of(new Info(optional, Formula.ALL));
                }
                return List.of(Info.ANY);
            }
            List<Info> out = new ArrayList<>();
            for (int i = 0; i < Math.min(min, 3); i++) {
                out.add(x);
            }
            if (max != min || min > 3) {
                out.add(Info.ANY);
            }
            return out;
        }

        private Info group() {
            pos++;
            boolean outerCaseInsensitive = caseInsensitive;
            boolean zeroWidth = false;
            if (p.charAt(pos) == '?') {
                pos++;
                char c = p.charAt(pos);
                if (c == ':') {
                    pos++;
                } else if (c == '=' || c == '!') {
                    pos++;
                    zeroWidth = true;
                } else if (c == '<' && (p.charAt(pos + 1) == '=' || p.charAt(pos + 1) == '!')) {
                    pos += 2;
                    zeroWidth = true;
                } else if (c == '<') {
                    pos = p.indexOf('>', pos) + 1;
                } else if (c == '>') {
                    pos++;
                    lineSafe = false;
                } else if (flags()) {
                    return Info.EMPTY;
                }
                if (zeroWidth) {
                    lineSafe = false;
                }
            }
            Info inner = alternation();
            if (pos >= p.length() || p.charAt(pos) != ')') {
                throw new Unsupported();
            }
            pos++;
            caseInsensitive = outerCaseInsensitive;
            return zeroWidth ? Info.EMPTY : inner;
        }

        // Reads inline flags after "(?"; true for "(?i)" (flags for the rest of the group), false for
        // "(?i:" (the group's own flags, restored at its end)
        private boolean flags() {
            boolean on = true;
            while (true) {
                char c = p.charAt(pos++);
                switch (c) {
                    case '-' -> on = false;
                    case 'i' -> caseInsensitive = on;
                    case 'x' -> {
                        if (on) {
                            throw new Unsupported();
                        }
                    }
                    case ')' -> {
                        return true;
                    }
                    case ':' -> {
                        return false;
                    }
                    default -> {
                        if (!Character.isLetter(c)) {
                            throw new Unsupported();
                        }
                    }
                }
            }
        }

        private Info characterClass() {
            pos++;
            boolean simple = true;
            if (p.charAt(pos) == '^') {
                simple = false;
                pos++;
            }
            Set<Character> members = new TreeSet<>();
            boolean first = true;
            while (true) {
                char c = p.charAt(pos);
                if (c == ']' && !first) {
                    pos++;
                    break;
                }
                first = false;
                if (c == '[') {
                    throw new Unsupported();
                }
                if (c == '&' && p.charAt(pos + 1) == '&') {
                    throw new Unsupported();
                }
                int low = classMember();
                if (low < 0) {
                    simple = false;
                    continue;
                }
                if (p.charAt(pos) == '-' && p.charAt(pos + 1) != ']') {
                    pos++;
                    int high = classMember();
                    if (high < low) {
                        throw new Unsupported();
                    }
                    if (high - low + 1 > MAX_CLASS) {
                        simple = false;
                    } else {
                        for (int m = low; m <= high; m++) {
                            members.add((char) m);
                        }
                    }
                } else {
                    members.add((char) low);
                }
            }
            if (!simple || members.size() > MAX_CLASS) {
                return Info.ANY;
            }
            Set<String> exact = new LinkedHashSet<>();
            for (char m : members) {
                if (caseInsensitive && m >= 0x80) {
                    return Info.ANY;
                }
                exact.add(String.valueOf(Trigrams.fold(m)));
            }
            return new Info(exact, Formula.ALL);
        }

        // One member of a class: its character, or -1 for a predefined class such as \d or \p{L}
        private int classMember() {
            char c = p.charAt(pos);
            if (c != '\\') {
                pos++;
                return c;
            }
            char e = p.charAt(pos + 1);
            if (e == 'Q') {
                throw new Unsupported();
            }
            if ("dDwWsShHvVpPRXN".indexOf(e) >= 0) {
                skipEscape();
                return -1;
            }
            return escapedCharacter();
        }

        private List<Info> escape() {
            char e = p.charAt(pos + 1);
            if (e == 'Q') {
                int end = p.indexOf("\\E", pos + 2);
                String quoted = end < 0 ? p.substring(pos + 2) : p.substring(pos + 2, end);
                pos = end < 0 ? p.length() : end + 2;
                List<Info> pieces = new ArrayList<>();
                for (char q : quoted.toCharArray()) {
                    pieces.add(literal(q));
                }
                return pieces.isEmpty() ? List.of(Info.EMPTY) : pieces;
            }
            switch (e) {
                case 'b', 'B' -> {
                    pos += 2;
                    if (p.startsWith("{g}", pos)) {
                        pos += 3;
                    }
                    return List.of(Info.EMPTY);
                }
                case 'A', 'G', 'Z', 'z' -> {
                    pos += 2;
                    lineSafe = false;
                    return List.of(Info.EMPTY);
                }
                case 'k' -> {
                    pos = p.indexOf('>', pos) + 1;
                    return List.of(Info.ANY);
                }
                default -> {
                    if (e >= '1' && e <= '9') {
                        pos += 2;
                        while (pos < p.length() && Character.isDigit(p.charAt(pos))) {
                            pos++;
                        }
                        return List.of(Info.ANY);
                    }
                    if ("dDwWsShHvVpPRXN".indexOf(e) >= 0) {
                        skipEscape();
                        return List.of(Info.ANY);
                    }
                    return List.of(literal((char) escapedCharacter()));
                }
            }
        }

        // Skips a predefined-class escape: \d, \pL, \p{Alpha}, \N{NAME}
        private void skipEscape() {
            char e = p.charAt(pos + 1);
            pos += 2;
            if ((e == 'p' || e == 'P' || e == 'N') && pos < p.length()) {
                pos = p.charAt(pos) == '{' ? p.indexOf('}', pos) + 1 : pos + 1;
            }
        }

        // The character an escape stands for: \t, \x41, \x{1F600} (as its high surrogate), \u0041, \0101, \cA, \.
        private int escapedCharacter() {
            char e = p.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case 't': return '\t';
                case 'n': return '\n';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'a': return 0x07;
                case 'e': return 0x1B;
                case 'x': {
                    if (p.charAt(pos) == '{') {
                        int close = p.indexOf('}', pos);
                        int cp = Integer.parseInt(p.substring(pos + 1, close), 16);
                        pos = close + 1;
                        if (cp > 0xFFFF) {
                            throw new Unsupported();
                        }
                        return cp;
                    }
                    int value = Integer.parseInt(p.substring(pos, pos + 2), 16);
                    pos += 2;
                    return value;
                }
                case 'u': {
                    int value = Integer.parseInt(p.substring(pos, pos + 4), 16);
                    pos += 4;
                    return value;
                }
                case '0': {
                    int start = pos;
                    while (pos < p.length() && pos - start < 3 && p.charAt(pos) >= '0' && p.charAt(pos) <= '7') {
                        pos++;
                    }
                    int value = Integer.parseInt(p.substring(start, pos), 8);
                    if (value > 0xFF) {
                        pos--;
                        value >>= 3;
                    }
                    return value;
                }
                case 'c':
                    return p.charAt(pos++) ^ 64;
                default:
                    if (Character.isLetterOrDigit(e)) {
                        throw new Unsupported();
                    }
                    return e;
            }
        }
    }

    /** Concatenation: keeps an open run of exact strings, folding it into the condition when it grows too wide. */
    private static final class Sequence {
        private Formula done = Formula.ALL;
        private Set<String> open = Set.of("");
        private boolean exact = true;

        void add(Info piece) {
            if (piece.exact() == null) {
                done = Formula.and(done, Formula.and(Formula.anyOf(open), piece.match()));
                open = Set.of("");
                exact = false;
                return;
            }
            done = Formula.and(done, piece.match());
            if ((long) open.size() * piece.exact().size() > MAX_EXACT) {
                done = Formula.and(done, Formula.anyOf(open));
                open = piece.exact();
                exact = false;
                return;
            }
            Set<String> product = new LinkedHashSet<>();
            for (String left : open) {
                for (String right : piece.exact()) {
                    product.add(left + right);
                }
            }
            open = product;
        }

        Info result() {
            return exact ? new Info(open, done) : new Info(null, Formula.and(done, Formula.anyOf(open)));
        }
    }
}
