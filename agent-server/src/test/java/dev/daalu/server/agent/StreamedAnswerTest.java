package dev.daalu.server.agent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamedAnswerTest {

    private final List<String> shown = new ArrayList<>();
    private final StreamedAnswer answer = new StreamedAnswer(new TurnListener() {
        @Override
        public void onDelta(String text) {
            shown.add(text);
        }
    });

    @Test
    void proseStreamsAtOnce() {
        answer.onContent("The bucket ");
        answer.onContent("is defined in main.tf.");

        assertEquals(List.of("The bucket ", "is defined in main.tf."), shown);
    }

    @Test
    void aFencedBlockIsHeldAndDroppedWhenItWasACall() {
        answer.onContent("``");
        answer.onContent("`json\n{\"name\":\"read_file\"}\n```");

        answer.finish(true);

        assertEquals(List.of(), shown);
    }

    @Test
    void heldContentIsReleasedWhenItWasNotACall() {
        answer.onContent("<tool");
        answer.onContent("_call>not json</tool_call>");

        answer.finish(false);

        assertEquals(List.of("<tool_call>not json</tool_call>"), shown);
    }

    @Test
    void aLookAlikeStartIsReleasedAsSoonAsItDiverges() {
        answer.onContent("<");
        answer.onContent("b>bold</b>");

        assertEquals(List.of("<b>bold</b>"), shown);
    }
}
