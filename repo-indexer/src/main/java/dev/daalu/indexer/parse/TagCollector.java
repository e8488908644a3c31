package dev.daalu.indexer.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the tags of one file and settles overlaps: when several patterns claim the same name (a Python
 * method is also a function), the earliest pattern in the query wins; a reference at the very position of
 * a definition (a type name in its own declaration) is dropped. Tags come out in source order.
 */
final class TagCollector {

    private final Map<Long, Candidate> byPosition = new HashMap<>();
    private int sequence;

    /**
     * @param position where the name starts (a byte offset, or any key unique to the name's occurrence)
     * @param priority lower wins when two candidates share a position and role
     */
    void add(long position, int priority, Tag tag) {
        long key = position * 2 + (tag.isDefinition() ? 0 : 1);
        Candidate candidate = new Candidate(position, priority, sequence++, tag);
        byPosition.merge(key, candidate, (old, now) -> now.priority < old.priority ? now : old);
    }

    List<Tag> tags() {
        List<Candidate> kept = new ArrayList<>(byPosition.size());
        for (Candidate c : byPosition.values()) {
            if (c.tag.isDefinition() || !byPosition.containsKey(c.position * 2)) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt((Candidate c) -> c.tag.line())
                .thenComparingLong(c -> c.position)
                .thenComparingInt(c -> c.sequence));
        List<Tag> out = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            out.add(c.tag);
        }
        return out;
    }

    private record Candidate(long position, int priority, int sequence, Tag tag) { }
}
