package dev.daalu.indexer.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a file must contain for a query to possibly match it: a boolean formula over trigrams. It is a
 * necessary condition, never a sufficient one: every file with a match satisfies it, and the verification
 * step drops files that satisfy it without matching. {@link #ALL} means "no condition" (scan every text file).
 *
 * <p>Built only through {@link #and}, {@link #or} and {@link #literal}, which simplify as they go, so
 * {@code ALL} never appears inside an {@link And} or {@link Or}.
 */
public sealed interface Formula {

    /** Matches every file. */
    Formula ALL = new All();

    /** Beyond this many trigrams a literal contributes an evenly spread subset (still a necessary condition). */
    int MAX_TRIGRAMS_PER_LITERAL = 24;

    record All() implements Formula { }

    /** The file holds this (folded) trigram. */
    record Trigram(String gram) implements Formula { }

    record And(List<Formula> parts) implements Formula { }

    record Or(List<Formula> parts) implements Formula { }

    /** Number of trigram leaves, a measure of the query's size. */
    default int size() {
        return switch (this) {
            case All a -> 0;
            case Trigram t -> 1;
            case And and -> and.parts().stream().mapToInt(Formula::size).sum();
            case Or or -> or.parts().stream().mapToInt(Formula::size).sum();
        };
    }

    /**
     * A formula of at most {@code budget} trigrams that this one implies (so it is still a necessary
     * condition): an AND keeps the parts that fit, an OR shares the budget among its alternatives and becomes
     * {@link #ALL} when one of them cannot be kept.
     */
    default Formula limit(int budget) {
        if (size() <= budget) {
            return this;
        }
        return switch (this) {
            case All a -> ALL;
            case Trigram t -> ALL;
            case And and -> {
                Formula kept = ALL;
                int left = budget;
                for (Formula part : and.parts()) {
                    Formula small = part.limit(left);
                    left -= small.size();
                    kept = and(kept, small);
                }
                yield kept;
            }
            case Or or -> {
                int each = budget / or.parts().size();
                Formula kept = null;
                for (Formula part : or.parts()) {
                    Formula small = part.limit(each);
                    if (small instanceof All) {
                        yield ALL;
                    }
                    kept = kept == null ? small : or(kept, small);
                }
                yield kept;
            }
        };
    }

    /**
     * A file containing {@code text} holds all its indexed trigrams (see {@link Trigrams}); a text without
     * any (shorter than 3 word characters in a row) gives no condition.
     */
    static Formula literal(String text) {
        String folded = Trigrams.fold(text);
        List<String> indexed = new ArrayList<>();
        for (int i = 0; i + 3 <= folded.length(); i++) {
            if (Trigrams.isWordChar(folded.charAt(i)) && Trigrams.isWordChar(folded.charAt(i + 1))
                    && Trigrams.isWordChar(folded.charAt(i + 2))) {
                indexed.add(folded.substring(i, i + 3));
            }
        }
        if (indexed.isEmpty()) {
            return ALL;
        }
        Set<String> grams = new LinkedHashSet<>();
        int step = Math.max(1, (indexed.size() + MAX_TRIGRAMS_PER_LITERAL - 1) / MAX_TRIGRAMS_PER_LITERAL);
        for (int i = 0; i < indexed.size(); i += step) {
            grams.add(indexed.get(i));
        }
        grams.add(indexed.get(indexed.size() - 1));
        List<Formula> parts = new ArrayList<>();
        for (String gram : grams) {
            parts.add(new Trigram(gram));
        }
        return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
    }

    static Formula and(Formula a, Formula b) {
        if (a instanceof All) {
            return b;
        }
        if (b instanceof All) {
            return a;
        }
        Set<Formula> parts = new LinkedHashSet<>();
        flatten(a, And.class, parts);
        flatten(b, And.class, parts);
        return parts.size() == 1 ? parts.iterator().next() : new And(List.copyOf(parts));
    }

    static Formula or(Formula a, Formula b) {
        if (a instanceof All || b instanceof All) {
            return ALL;
        }
        Set<Formula> parts = new LinkedHashSet<>();
        flatten(a, Or.class, parts);
        flatten(b, Or.class, parts);
        return parts.size() == 1 ? parts.iterator().next() : new Or(List.copyOf(parts));
    }

    /** Any one of the strings is in the file. */
    static Formula anyOf(Iterable<String> literals) {
        Formula result = null;
        for (String literal : literals) {
            Formula one = literal(literal);
            result = result == null ? one : or(result, one);
            if (result instanceof All) {
                return ALL;
            }
        }
        return result == null ? ALL : result;
    }

    private static void flatten(Formula f, Class<?> kind, Set<Formula> into) {
        if (kind == And.class && f instanceof And and) {
            into.addAll(and.parts());
        } else if (kind == Or.class && f instanceof Or or) {
            into.addAll(or.parts());
        } else {
            into.add(f);
        }
    }
}
