package dev.daalu.indexer.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopHitsTest {

    @Test
    void keepsTheBestInDefinitionScorePathLineOrder() {
        TopHits top = new TopHits(3);
        top.offer(hit("b.py", 5, false, 1.0));
        top.offer(hit("a.py", 9, false, 1.0));
        top.offer(hit("z.py", 1, true, 0.5));
        top.offer(hit("a.py", 2, false, 3.0));
        top.offer(hit("a.py", 1, false, 1.0));

        assertEquals(List.of("z.py:1", "a.py:2", "a.py:1"),
                top.bestFirst().stream().map(c -> c.path() + ":" + c.line()).toList());
    }

    @Test
    void acceptsOnlyWhatWouldEnterAFullTop() {
        TopHits top = new TopHits(1);
        assertTrue(top.accepts(false, 1.0, "m.py", 5));
        top.offer(hit("m.py", 5, false, 1.0));

        assertTrue(top.accepts(false, 1.0, "m.py", 4));
        assertTrue(top.accepts(false, 1.0, "a.py", 9));
        assertTrue(top.accepts(true, 0.1, "z.py", 9));
        assertTrue(top.accepts(false, 2.0, "z.py", 9));
        assertFalse(top.accepts(false, 1.0, "m.py", 6));
        assertFalse(top.accepts(false, 0.9, "a.py", 1));
    }

    private static TopHits.Candidate hit(String path, int line, boolean definition, double score) {
        return new TopHits.Candidate(0, path, line, 0, 0, 0, definition, score);
    }
}
