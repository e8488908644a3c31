package dev.daalu.indexer;

import java.util.Objects;

/**
 * A search over the workspace's text.
 *
 * <p>Modes, chosen by {@link #mode()}:
 * <ul>
 *   <li>{@link Mode#REGEX} when {@code regex} is set: a Java regular expression matched per line,
 *       with the same lines as {@code rg} for the common syntax both share.</li>
 *   <li>{@link Mode#IDENTIFIER} when the text is one identifier ({@code bucketPolicy},
 *       {@code bucket_policy}, {@code bucket-policy}): matches every naming style of the same
 *       words, case-insensitively, so {@code bucketPolicy} finds {@code BucketPolicy} and
 *       {@code BUCKET_POLICY}.</li>
 *   <li>{@link Mode#LITERAL} otherwise: exact, case-sensitive substring match per line
 *       ({@code aws_s3_bucket.logs}, <code>{{ .Values.image.tag }}</code>).</li>
 * </ul>
 *
 * @param text the query; must not be blank
 * @param regex whether {@code text} is a regular expression
 * @param glob optional gitignore-style path filter ({@code *.tf}, {@code modules/**}); null for all
 * @param maxResults cap on returned hits (the total is still counted)
 * @param contextLines lines of context before and after each hit
 */
public record SearchQuery(String text, boolean regex, String glob, int maxResults, int contextLines) {

    public static final int DEFAULT_MAX_RESULTS = 50;
    public static final int MAX_RESULTS_LIMIT = 1000;
    public static final int DEFAULT_CONTEXT_LINES = 1;

    public enum Mode { LITERAL, IDENTIFIER, REGEX }

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("search text must not be blank");
        }
        if (maxResults <= 0 || maxResults > MAX_RESULTS_LIMIT) {
            throw new IllegalArgumentException("maxResults must be between 1 and " + MAX_RESULTS_LIMIT);
        }
        if (contextLines < 0 || contextLines > 10) {
            throw new IllegalArgumentException("contextLines must be between 0 and 10");
        }
        if (glob != null && glob.isBlank()) {
            glob = null;
        }
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, false, null, DEFAULT_MAX_RESULTS, DEFAULT_CONTEXT_LINES);
    }

    public static SearchQuery regex(String pattern) {
        return new SearchQuery(pattern, true, null, DEFAULT_MAX_RESULTS, DEFAULT_CONTEXT_LINES);
    }

    public SearchQuery withGlob(String value) {
        return new SearchQuery(text, regex, value, maxResults, contextLines);
    }

    public SearchQuery withMaxResults(int value) {
        return new SearchQuery(text, regex, glob, value, contextLines);
    }

    public SearchQuery withContextLines(int value) {
        return new SearchQuery(text, regex, glob, maxResults, value);
    }

    /** The mode this query runs in (see the class comment). */
    public Mode mode() {
        if (regex) {
            return Mode.REGEX;
        }
        return text.matches("[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*") ? Mode.IDENTIFIER : Mode.LITERAL;
    }
}
