package dev.daalu.indexer.search;

/**
 * The trigram alphabet shared by the index and the query planner: three consecutive UTF-16 code units of
 * the text, each case-folded with {@link #fold}, all three word characters (letters, digits, {@code _} and
 * {@code -}, so that kebab-case names like {@code bucket-policy} keep the trigrams across their joins).
 * Folding makes one index serve case-sensitive and case-insensitive queries: a file holding
 * {@code BucketPolicy} has the trigram {@code buc}, which both {@code Bucket} and {@code (?i)bucket} look up,
 * and the verification step restores exactness. Trigrams with spaces or punctuation ({@code ") {"},
 * {@code "\n\t\t"}) are in nearly every file, so they would cost most of the postings and select nothing;
 * they are not indexed, and the planner never asks for them.
 */
public final class Trigrams {

    private Trigrams() {
    }

    /**
     * The case-fold of one code unit: {@code toLowerCase(toUpperCase(c))}. Any two characters that Java's
     * {@code CASE_INSENSITIVE | UNICODE_CASE} matching treats as equal fold to the same value when one of them
     * is ASCII (including KELVIN SIGN to {@code k} and LONG S to {@code s}), which is what the planner relies
     * on for case-insensitive literals.
     */
    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** {@link #fold} applied to every code unit. */
    public static String fold(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(fold(text.charAt(i)));
        }
        return out.toString();
    }

    /** Whether a (folded) code unit can be part of an indexed trigram. */
    public static boolean isWordChar(char c) {
        if (c >= 0x80) {
            return Character.isLetterOrDigit(c);
        }
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Packs three folded code units into one long (48 bits). */
    public static long pack(char a, char b, char c) {
        return ((long) a << 32) | ((long) b << 16) | c;
    }

    /** The three-character term a packed trigram is indexed as. */
    public static String term(long packed) {
        return new String(new char[] {(char) (packed >>> 32), (char) (packed >>> 16), (char) packed});
    }

    /**
     * Adds every distinct indexed trigram of {@code text} to {@code into}.
     *
     * @return false when {@code into} filled up before the end of the text (the caller decides what to do)
     */
    public static boolean collect(CharSequence text, LongSet into) {
        char a = 0;
        char b = 0;
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = fold(text.charAt(i));
            if (!isWordChar(c)) {
                run = 0;
                continue;
            }
            if (++run >= 3 && !into.add(pack(a, b, c))) {
                return false;
            }
            a = b;
            b = c;
        }
        return true;
    }
}
