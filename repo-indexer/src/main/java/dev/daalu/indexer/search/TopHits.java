package dev.daalu.indexer.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code capacity} matching lines of a search, kept while every match is counted. Order, best first:
 * lines that define what was searched, then higher file score, then path, then line number, so equal
 * inputs always give the same order. Only lines that enter the top are materialised as objects.
 *
 * <p>Not thread-safe.
 */
public final class TopHits {

    /** A matching line that made the top so far; offsets are into the file's stored text. */
    public record Candidate(int doc, String path, int line, int lineStart, int lineEnd, int matchStart,
                            boolean definition, double score) { }

    public static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparing(Candidate::definition).reversed()
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
            .thenComparing(Candidate::path)
            .thenComparingInt(Candidate::line);

    private final int capacity;
    private final PriorityQueue<Candidate> worstFirst;

    public TopHits(int capacity) {
        this.capacity = capacity;
        this.worstFirst = new PriorityQueue<>(capacity + 1, BEST_FIRST.reversed());
    }

    /** Whether a line with these keys would enter the top; lets callers skip building a candidate. */
    public boolean accepts(boolean definition, double score, String path, int line) {
        if (worstFirst.size() < capacity) {
            return true;
        }
        Candidate worst = worstFirst.peek();
        if (definition != worst.definition()) {
            return definition;
        }
        if (score != worst.score()) {
            return score > worst.score();
        }
        int byPath = path.compareTo(worst.path());
        return byPath != 0 ? byPath < 0 : line < worst.line();
    }

    public void offer(Candidate candidate) {
        worstFirst.add(candidate);
        if (worstFirst.size() > capacity) {
            worstFirst.poll();
        }
    }

    /** The kept lines, best first. */
    public List<Candidate> bestFirst() {
        List<Candidate> out = new ArrayList<>(worstFirst);
        out.sort(BEST_FIRST);
        return out;
    }
}
