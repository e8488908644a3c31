package dev.daalu.indexer.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The regular expression an identifier query runs as. The identifier is split into words on
 * camelCase, snake_case and kebab-case boundaries ({@code bucketPolicy}, {@code bucket_policy} and
 * {@code BUCKET-POLICY} are all {@code bucket, policy}; {@code HTTPServer} is {@code http, server};
 * {@code s3Bucket} is {@code s3, bucket}), and the words are joined by {@code [_-]?}, matched
 * case-insensitively:
 *
 * <pre>
 *   bucketPolicy   ->   rg -i 'bucket[_-]?policy'      (the same as (?i)bucket[_-]?policy)
 *   HTTPServer     ->   rg -i 'http[_-]?server'
 * </pre>
 *
 * <p>So it matches {@code bucket_policy}, {@code BucketPolicy}, {@code bucket-policy},
 * {@code BUCKET_POLICY} and {@code bucketpolicy}, also inside longer identifiers
 * ({@code aws_s3_bucket_policy}). Separator runs the query itself spells out are kept verbatim where
 * {@code [_-]?} would not match them: leading and trailing ones ({@code __init__} stays
 * {@code __init__}) and runs of two or more ({@code block__element}).
 *
 * @param words the query's words, lower case
 * @param body the pattern without flags, identical in Java and in {@code rg}'s Rust syntax
 */
public record IdentifierPattern(List<String> words, String body) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]+");

    public IdentifierPattern {
        words = List.copyOf(words);
    }

    /** @throws IllegalArgumentException unless the text is letters, digits, '_' and '-' */
    public static IdentifierPattern of(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not an identifier: " + identifier);
        }
        List<String> words = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String separators = "";
        int wordStart = -1;
        for (int i = 0; i <= identifier.length(); i++) {
            boolean end = i == identifier.length();
            char c = end ? '_' : identifier.charAt(i);
            boolean alphanumeric = !end && Character.isLetterOrDigit(c);
            if (wordStart >= 0 && (!alphanumeric || wordBoundary(identifier, i))) {
                String word = identifier.substring(wordStart, i).toLowerCase(Locale.ROOT);
                // '_' and '-' are not special in either regex syntax outside a class, so runs go in verbatim
                body.append(words.isEmpty() || separators.length() > 1 ? separators : "[_-]?").append(word);
                words.add(word);
                separators = "";
                wordStart = -1;
            }
            if (alphanumeric && wordStart < 0) {
                wordStart = i;
            } else if (!alphanumeric && !end) {
                separators += c;
            }
        }
        body.append(separators);
        return new IdentifierPattern(words, body.toString());
    }

    /** The equivalent {@code rg} pattern, e.g. {@code (?i)bucket[_-]?policy}. */
    public String rgRegex() {
        return "(?i)" + body;
    }

    /** The compiled Java pattern (case-insensitive, Unicode case folding as in {@code rg}). */
    public Pattern compile(int extraFlags) {
        return Pattern.compile(body, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | extraFlags);
    }

    /**
     * Splits an identifier-like token into lower-case words at the same boundaries as {@link #of}:
     * non-alphanumerics, lower-to-upper ({@code bucketPolicy}), the last capital of an acronym before a
     * lower-case letter ({@code HTTPServer}), and digit-to-upper ({@code s3Bucket}).
     */
    public static List<String> split(CharSequence token) {
        List<String> words = new ArrayList<>();
        int n = token.length();
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (start >= 0) {
                    words.add(token.subSequence(start, i).toString().toLowerCase(Locale.ROOT));
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            } else if (wordBoundary(token, i)) {
                words.add(token.subSequence(start, i).toString().toLowerCase(Locale.ROOT));
                start = i;
            }
        }
        if (start >= 0) {
            words.add(token.subSequence(start, n).toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    // Whether a new word starts at i, inside a run of letters and digits
    private static boolean wordBoundary(CharSequence s, int i) {
        char prev = s.charAt(i - 1);
        char c = s.charAt(i);
        if (!Character.isLetterOrDigit(c) || !Character.isLetterOrDigit(prev) || !Character.isUpperCase(c)) {
            return false;
        }
        if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
            return true;
        }
        return Character.isUpperCase(prev) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
    }

}
