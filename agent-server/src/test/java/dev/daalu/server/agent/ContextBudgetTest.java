package dev.daalu.server.agent;

import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ToolCall;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextBudgetTest {

    private final PromptTokens tokens = PromptTokens.estimate();
    private final ContextBudget budget = new ContextBudget(tokens);

    private static List<ChatMessage> readsOf(int steps, int resultChars) {
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(ChatMessage.user("add a lifecycle rule to the logs bucket"));
        for (int i = 0; i < steps; i++) {
            conversation.add(ChatMessage.assistant(null, List.of(new ToolCall("c" + i, "read_file", "{\"path\":\"f" + i + ".tf\"}"))));
            conversation.add(ChatMessage.tool("c" + i, ("line of file " + i + "\n").repeat(resultChars / 16)));
        }
        return conversation;
    }

    @Test
    void aRequestThatFitsIsSentAsItIs() {
        List<ChatMessage> conversation = readsOf(2, 500);

        FittedRequest fitted = budget.fit("system", conversation, List.of(), 8192, 1024);

        assertTrue(fitted.fits());
        assertEquals(0, fitted.shortenedResults());
        assertEquals(conversation, fitted.messages().subList(1, fitted.messages().size()));
    }

    @Test
    void shortensOlderToolResultsFirstAndKeepsTheNewestStepWhole() {
        List<ChatMessage> conversation = readsOf(8, 4000);

        FittedRequest fitted = budget.fit("system", conversation, List.of(), 8192, 1024);

        assertTrue(fitted.fits(), fitted.tokens() + " > " + fitted.limit());
        assertTrue(fitted.tokens() <= 8192 - 1024);
        List<ChatMessage> sent = fitted.messages();
        assertEquals(conversation.get(conversation.size() - 1), sent.get(sent.size() - 1), "the newest result is whole");
        assertEquals(conversation.get(0), sent.get(1), "the user's message is whole");
        ChatMessage oldest = sent.get(3);
        assertEquals("c0", oldest.toolCallId(), "the call id is kept");
        assertTrue(oldest.content().contains("[older tool result shortened to fit the context window: "), oldest.content());
        assertTrue(fitted.shortenedResults() >= 1);
        List<Boolean> shortened = sent.stream().filter(m -> m.role() == ChatMessage.Role.TOOL)
                .map(m -> m.content().contains("[older tool result shortened")).toList();
        assertEquals(fitted.shortenedResults(), shortened.indexOf(false), "results are shortened oldest first: " + shortened);
    }

    @Test
    void saysWhenEvenShortenedResultsDoNotFit() {
        List<ChatMessage> conversation = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            conversation.add(ChatMessage.user("question " + i + " " + "x".repeat(1000)));
            conversation.add(ChatMessage.assistant("answer " + i + " " + "y".repeat(1000), List.of()));
        }
        conversation.add(ChatMessage.user("the newest question"));

        FittedRequest fitted = budget.fit("system", conversation, List.of(), 8192, 1024);

        assertFalse(fitted.fits());
        assertEquals(conversation.size() - 1, fitted.newestTurnStart());
    }
}
