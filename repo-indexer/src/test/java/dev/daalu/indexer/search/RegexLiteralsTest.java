package dev.daalu.indexer.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegexLiteralsTest {

    @Test
    void aPlainLiteralRequiresAllItsTrigrams() {
        assertEquals(Formula.literal("resource"), analyse("resource"));
    }

    @Test
    void concatenationAcrossAnEscapeKeepsOneLiteral() {
        assertEquals(Formula.literal("aws_s3.bucket"), analyse("aws_s3\\.bucket"));
    }

    @Test
    void alternationRequiresOneOfTheAlternatives() {
        assertEquals(Formula.or(Formula.literal("variable"), Formula.literal("output")), analyse("variable|output"));
        assertEquals(Formula.or(Formula.literal("resource \"aws"), Formula.literal("data \"aws")),
                analyse("(resource|data) \"aws"));
    }

    @Test
    void smallClassesExpandAndOptionalPartsMultiplyTheAlternatives() {
        Formula expected = Formula.anyOf(List.of("bucketpolicy", "bucket_policy", "bucket-policy"));

        assertEquals(canonical(expected), canonical(analyse("bucket[_-]?policy")));
        assertEquals(canonical(Formula.anyOf(List.of("foobar", "foobaz"))), canonical(analyse("fooba[rz]")));
    }

    @Test
    void wildcardsAndLargeClassesBreakLiteralsIntoRequiredPieces() {
        assertEquals(Formula.and(Formula.literal("func"), Formula.literal("error")), analyse("func\\s+\\w+\\(.*error"));
        assertEquals(Formula.and(Formula.literal("image: "), Formula.literal(":latest")), analyse("image: [a-z]+:latest"));
    }

    @Test
    void repetitionRequiresItsOperandOnceAndStarRequiresNothing() {
        assertEquals(Formula.and(Formula.literal("foo_"), Formula.literal("bar")), analyse("foo_+bar"));
        assertEquals(Formula.and(Formula.literal("abc"), Formula.literal("def")), analyse("abc(xyz)*def"));
        assertEquals(Formula.literal("abcabc"), analyse("(abc){2}"));
    }

    @Test
    void shortOrAbsentLiteralsMeanNoCondition() {
        assertEquals(Formula.ALL, analyse("\\d+"));
        assertEquals(Formula.ALL, analyse("ab|cde"));
        assertEquals(Formula.ALL, analyse("^$"));
        assertEquals(Formula.ALL, analyse(".*"));
    }

    @Test
    void caseInsensitivityKeepsAsciiAndDropsOtherLetters() {
        assertEquals(Formula.literal("policy"), analyse("(?i)POLICY"));
        assertEquals(Formula.and(Formula.literal("caf"), Formula.literal("_ner")), analyse("(?i)café_ner"));
        assertEquals(Formula.literal("café_ner"), analyse("café_ner"));
    }

    @Test
    void constructsItDoesNotReadGiveNoConditionRatherThanAWrongOne() {
        assertEquals(Formula.ALL, RegexLiterals.analyse("(?x) a b c d", false).required());
        assertEquals(Formula.ALL, RegexLiterals.analyse("[[a-z]&&[^q]]uick", false).required());
    }

    @Test
    void lookaroundAnchorsAndPossessivesAreNotLineSafe() {
        assertTrue(RegexLiterals.analyse("foo\\s+bar$", false).lineSafe());
        for (String pattern : List.of("foo(?=bar)", "(?<!x)foo", "\\Afoo", "foo\\z", "a*+b", "(?>ab)c")) {
            assertFalse(RegexLiterals.analyse(pattern, false).lineSafe(), pattern);
        }
    }

    /**
     * The property everything rests on: whenever a pattern matches a line of a text, the text satisfies the
     * formula (so the index never drops a file that matches). Random patterns over a small alphabet, with
     * classes, groups, alternation, quantifiers, anchors, lookaround and inline case flags.
     */
    @Test
    void everyMatchingTextSatisfiesTheFormula() {
        Random random = new Random(20261203);
        int checked = 0;
        for (int p = 0; p < 4000; p++) {
            String pattern = randomPattern(random, 3);
            Pattern compiled;
            try {
                compiled = Pattern.compile(pattern, LineMatcher.REGEX_FLAGS);
            } catch (RuntimeException invalid) {
                continue;
            }
            Formula formula = RegexLiterals.analyse(pattern, false).required();
            for (int t = 0; t < 30; t++) {
                String text = randomText(random);
                if (anyLineMatches(compiled, text)) {
                    checked++;
                    assertTrue(holds(formula, Trigrams.fold(text)),
                            () -> "pattern " + pattern + " matches " + text.replace("\n", "\\n") + " but " + formula);
                }
            }
        }
        assertTrue(checked > 10_000, "enough matching cases were generated: " + checked);
    }

    /** The formula with the parts of every AND and OR sorted, for comparisons that ignore order. */
    static String canonical(Formula formula) {
        return switch (formula) {
            case Formula.All all -> "ALL";
            case Formula.Trigram t -> t.gram();
            case Formula.And and -> "AND" + and.parts().stream().map(RegexLiteralsTest::canonical).sorted().toList();
            case Formula.Or or -> "OR" + or.parts().stream().map(RegexLiteralsTest::canonical).sorted().toList();
        };
    }

    static boolean holds(Formula formula, String foldedText) {
        return switch (formula) {
            case Formula.All all -> true;
            case Formula.Trigram t -> foldedText.contains(t.gram());
            case Formula.And and -> and.parts().stream().allMatch(f -> holds(f, foldedText));
            case Formula.Or or -> or.parts().stream().anyMatch(f -> holds(f, foldedText));
        };
    }

    static boolean anyLineMatches(Pattern pattern, String text) {
        for (String line : lines(text)) {
            if (pattern.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n") || text.isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static final String[] ATOMS = {"a", "b", "c", "A", "B", "_", "-", "ab", "abc", "bca", "K", "\u212A", "é", "É",
            ".", "[ab]", "[a-c]", "[^a]", "[_-]", "\\w", "\\d", "\\s", "\\.", "\\Qa.b\\E", "\\x61", "\\u0062", " "};
    private static final String[] QUANTIFIERS = {"", "", "", "?", "*", "+", "{2}", "{1,2}", "{0,2}", "+?", "*+", "{3,}"};

    static String randomPattern(Random random, int depth) {
        StringBuilder out = new StringBuilder();
        if (depth == 3 && random.nextInt(6) == 0) {
            out.append(random.nextBoolean() ? "(?i)" : "^");
        }
        int pieces = 1 + random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            int kind = random.nextInt(12);
            if (kind == 0 && depth > 0) {
                String[] open = {"(", "(?:", "(?i:", "(?=", "(?<n" + i + depth + ">"};
                out.append(open[random.nextInt(open.length)]).append(randomPattern(random, depth - 1));
                if (random.nextBoolean()) {
                    out.append('|').append(randomPattern(random, depth - 1));
                }
                out.append(')');
            } else if (kind == 1) {
                out.append(random.nextBoolean() ? "\\b" : "$");
            } else {
                out.append(ATOMS[random.nextInt(ATOMS.length)]);
            }
            out.append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
        }
        if (depth == 3 && random.nextInt(5) == 0) {
            out.append('|').append(randomPattern(random, 1));
        }
        return out.toString();
    }

    static String randomText(Random random) {
        String alphabet = "aabbcAB_- .xKé\u212AÉ1\n";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(24);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static Formula analyse(String pattern) {
        return RegexLiterals.analyse(pattern, false).required();
    }
}
