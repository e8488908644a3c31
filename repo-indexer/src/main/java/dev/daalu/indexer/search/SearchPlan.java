package dev.daalu.indexer.search;

import dev.daalu.indexer.SearchQuery;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How one {@link SearchQuery} runs: which files the index must pre-select ({@link #candidates}), how their
 * lines are verified ({@link #matcher}), which words raise a file's score, and the path filter.
 *
 * <ul>
 *   <li>LITERAL: every trigram of the text; lines verified with {@link String#indexOf}.</li>
 *   <li>IDENTIFIER: the {@link IdentifierPattern} regex, planned like a regex (its alternatives
 *       {@code bucketpolicy | bucket_policy | bucket-policy} give full-length trigram sets).</li>
 *   <li>REGEX: the literals {@link RegexLiterals} proves every match contains; none of 3 or more
 *       characters means scanning every text file.</li>
 * </ul>
 *
 * @param checksBinaries whether small binary files are checked too ("binary file matches"): for an
 *     identifier, and for an ASCII literal, whose bytes are the same in any ASCII-compatible file
 */
public record SearchPlan(SearchQuery.Mode mode, LineMatcher matcher, Formula candidates, List<String> words,
                         PathGlob glob, boolean checksBinaries) {

    /** The query cannot run; {@link #getMessage()} says why and how to fix it. */
    public static final class InvalidQuery extends Exception {
        public InvalidQuery(String message) {
            super(message);
        }
    }

    public SearchPlan {
        words = List.copyOf(words);
    }

    public static SearchPlan of(SearchQuery query, Deadline deadline) throws InvalidQuery {
        PathGlob glob = null;
        if (query.glob() != null) {
            try {
                glob = PathGlob.of(query.glob());
            } catch (IllegalArgumentException e) {
                throw new InvalidQuery(e.getMessage());
            }
        }
        String text = query.text();
        return switch (query.mode()) {
            case LITERAL -> new SearchPlan(SearchQuery.Mode.LITERAL, LineMatcher.literal(text), Formula.literal(text),
                    IdentifierPattern.split(text), glob, text.chars().allMatch(c -> c < 0x80));
            case IDENTIFIER -> {
                IdentifierPattern identifier = IdentifierPattern.of(text);
                Pattern pattern = identifier.compile(LineMatcher.REGEX_FLAGS);
                yield new SearchPlan(SearchQuery.Mode.IDENTIFIER, LineMatcher.identifier(identifier, pattern),
                        RegexLiterals.analyse(identifier.body(), true).required(), identifier.words(), glob, true);
            }
            case REGEX -> {
                Pattern pattern;
                try {
                    pattern = Pattern.compile(text, LineMatcher.REGEX_FLAGS);
                } catch (PatternSyntaxException e) {
                    throw new InvalidQuery(describe(e));
                }
                RegexLiterals.Analysis analysis = RegexLiterals.analyse(text, false);
                yield new SearchPlan(SearchQuery.Mode.REGEX, LineMatcher.regex(pattern, analysis.lineSafe(), deadline),
                        analysis.required(), List.of(), glob, false);
            }
        };
    }

    private static String describe(PatternSyntaxException e) {
        String where = e.getIndex() >= 0 ? " near index " + e.getIndex() : "";
        return "Invalid regular expression '" + e.getPattern() + "': " + e.getDescription() + where
                + ". Escape special characters with a backslash, or search without regex for exact text.";
    }
}
