package dev.daalu.server.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThinkTagFilterTest {

    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final ThinkTagFilter filter = new ThinkTagFilter(content::append, reasoning::append);

    @Test
    void tagsSplitAcrossDeltasAreRecognised() {
        feed(List.of("  <th", "ink>plan", " it</th", "in", "k>\n\nAnswer", " here."));

        assertEquals("plan it", reasoning.toString());
        assertEquals("Answer here.", content.toString());
    }

    @Test
    void aTagLaterInTheAnswerIsPartOfTheAnswer() {
        feed(List.of("Use ", "<think>", " in prompts."));

        assertEquals("Use <think> in prompts.", content.toString());
        assertEquals("", reasoning.toString());
    }

    @Test
    void textThatOnlyLooksLikeTheStartOfATagIsReleased() {
        feed(List.of("<th", "e answer>"));

        assertEquals("<the answer>", content.toString());
    }

    @Test
    void unclosedThinkingIsAllReasoning() {
        feed(List.of("<think>still thinking when max_tokens hit", " </thi"));

        assertEquals("still thinking when max_tokens hit </thi", reasoning.toString());
        assertEquals("", content.toString());
    }

    @Test
    void plainAnswerPassesUnchangedWithItsLeadingWhitespace() {
        feed(List.of("\n", "  Hello", " world"));

        assertEquals("\n  Hello world", content.toString());
    }

    private void feed(List<String> deltas) {
        deltas.forEach(filter::accept);
        filter.finish();
    }
}
