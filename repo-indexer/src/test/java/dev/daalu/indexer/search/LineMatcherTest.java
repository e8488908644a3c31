package dev.daalu.indexer.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineMatcherTest {

    private static final Deadline NEVER = Deadline.after(TimeUnit.DAYS.toNanos(1), System::nanoTime);

    /** One visited line: number, first match column (0-based offset in the line). */
    record Hit(int line, int column) { }

    @Test
    void aLiteralCountsEachLineOnceAtItsFirstMatch() {
        String text = "foo foo\nbar\nxfoo\r\n\nfoo";

        assertEquals(List.of(new Hit(1, 0), new Hit(3, 1), new Hit(5, 0)), scan(LineMatcher.literal("foo"), text));
    }

    @Test
    void aCarriageReturnStaysPartOfTheLineLikeInRipgrep() {
        String text = "end\r\nend\n";
        LineMatcher endOfLine = LineMatcher.regex(Pattern.compile("end$", LineMatcher.REGEX_FLAGS), true, NEVER);
        LineMatcher anyAfter = LineMatcher.regex(Pattern.compile("end.", LineMatcher.REGEX_FLAGS), true, NEVER);

        assertEquals(List.of(new Hit(2, 0)), scan(endOfLine, text));
        assertEquals(List.of(new Hit(1, 0)), scan(anyAfter, text));
        assertEquals(List.of(new Hit(1, 3)), scan(LineMatcher.literal("\r"), text));
    }

    @Test
    void thereIsNoEmptyLineAfterAFinalNewline() {
        LineMatcher empty = LineMatcher.regex(Pattern.compile("^$", LineMatcher.REGEX_FLAGS), true, NEVER);
        LineMatcher anything = LineMatcher.regex(Pattern.compile("x*", LineMatcher.REGEX_FLAGS), false, NEVER);

        assertEquals(List.of(new Hit(2, 0)), scan(empty, "a\n\nb\n"));
        assertEquals(3, scan(anything, "a\n\nb\n").size());
        assertEquals(3, scan(anything, "a\n\nb").size());
        assertEquals(List.of(), scan(anything, ""));
    }

    @Test
    void aMatchSpanningLinesCountsOnlyWherePerLineMatchingAgrees() {
        LineMatcher spaces = LineMatcher.regex(Pattern.compile("a\\s+b", LineMatcher.REGEX_FLAGS), true, NEVER);

        assertEquals(List.of(new Hit(3, 0)), scan(spaces, "a\nb\na  b\n"));
    }

    @Test
    void aLiteralWithANewlineNeverMatchesALine() {
        assertEquals(List.of(), scan(LineMatcher.literal("a\nb"), "a\nb\n"));
    }

    /** Both scanning strategies agree with matching each line on its own, for random patterns and texts. */
    @Test
    void wholeTextAndPerLineScansAgreeWithMatchingEachLine() {
        Random random = new Random(7);
        int compared = 0;
        for (int p = 0; p < 3000; p++) {
            String pattern = RegexLiteralsTest.randomPattern(random, 2);
            Pattern compiled;
            try {
                compiled = Pattern.compile(pattern, LineMatcher.REGEX_FLAGS);
            } catch (RuntimeException invalid) {
                continue;
            }
            boolean lineSafe = RegexLiterals.analyse(pattern, false).lineSafe();
            for (int t = 0; t < 10; t++) {
                String text = RegexLiteralsTest.randomText(random) + "\n" + RegexLiteralsTest.randomText(random);
                List<Hit> expected = bruteForce(compiled, text);
                assertEquals(expected, scan(LineMatcher.regex(compiled, false, NEVER), text), pattern + " on " + text);
                if (lineSafe) {
                    assertEquals(expected, scan(LineMatcher.regex(compiled, true, NEVER), text), pattern + " on " + text);
                }
                compared++;
            }
        }
        assertTrue(compared > 20_000);
    }

    @Test
    void theIdentifierScanFindsWhatTheRegexFindsIncludingUnicodeCasePartnersOfAscii() {
        Random random = new Random(11);
        String alphabet = "sSkKiIeyn3_-BbucketPolicyx \u017F\u212A\u0130\u0131é\n";
        for (String identifier : List.of("s3Bucket", "key", "init", "__init__", "bucketPolicy", "s", "x_y")) {
            IdentifierPattern pattern = IdentifierPattern.of(identifier);
            Pattern compiled = pattern.compile(LineMatcher.REGEX_FLAGS);
            for (int t = 0; t < 3000; t++) {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(40); i > 0; i--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String sample = text.toString();
                assertEquals(bruteForce(compiled, sample), scan(LineMatcher.identifier(pattern, compiled), sample),
                        identifier + " on " + sample);
            }
        }
        assertEquals(List.of(new Hit(1, 0)), scan(LineMatcher.identifier(IdentifierPattern.of("key"),
                IdentifierPattern.of("key").compile(LineMatcher.REGEX_FLAGS)), "\u212Aey"));
    }

    @Test
    void aBacktrackingPatternStopsAtTheDeadline() {
        AtomicLong now = new AtomicLong();
        Deadline deadline = Deadline.after(1_000, () -> now.getAndAdd(1_000));
        // polynomial backtracking of degree 12: seconds on 24 characters, hours on a few hundred
        Pattern pattern = Pattern.compile("(.*a){12}b", LineMatcher.REGEX_FLAGS);
        LineMatcher catastrophic = LineMatcher.regex(pattern, false, deadline);

        assertThrows(Deadline.Expired.class, () -> scan(catastrophic, "a".repeat(300)));
    }

    @Test
    void definitionNamesAreMatchedWithTheQuery() {
        assertTrue(LineMatcher.literal("Policy").matchesIn("BucketPolicy"));
        assertTrue(LineMatcher.regex(IdentifierPattern.of("bucketPolicy").compile(LineMatcher.REGEX_FLAGS), true, NEVER)
                .matchesIn("aws_s3_bucket_policy"));
    }

    private static List<Hit> bruteForce(Pattern pattern, String text) {
        List<Hit> hits = new ArrayList<>();
        List<String> lines = RegexLiteralsTest.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = pattern.matcher(lines.get(i));
            if (m.find()) {
                hits.add(new Hit(i + 1, m.start()));
            }
        }
        return hits;
    }

    private static List<Hit> scan(LineMatcher matcher, String text) {
        List<Hit> hits = new ArrayList<>();
        matcher.scan(text, (line, start, end, match) -> {
            hits.add(new Hit(line, match - start));
            return true;
        });
        return hits;
    }
}
