package dev.daalu.server.agent;

import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.model.ChatCompletion;
import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ChatRequest;
import dev.daalu.server.model.ChatStreamListener;
import dev.daalu.server.model.ModelError;
import dev.daalu.server.model.ToolCall;

import java.util.List;

/**
 * Condenses older messages of a conversation into a summary, through the same model (and so the same tier and
 * perimeter) as the turn. The transcript it summarizes is compacted to fit the window itself: tool results and
 * long answers are cut to their first lines, and when even that is too long the oldest part is dropped with a note.
 */
final class Condenser {

    static final String INSTRUCTION = "Summarize the conversation below for your own later use. Keep what you will "
            + "need to continue: the user's requests, the files and line numbers you found, what you changed, the "
            + "commands you ran and their results, and what is still to do. Write plain sentences and short lists; no "
            + "preamble.";
    private static final int RESULT_CHARS = 300;
    private static final int ANSWER_CHARS = 1200;
    private static final double CHARS_PER_TOKEN = 3.0;

    /**
     * @param previous the summary the conversation already had (it is folded into the new one), or null
     */
    String summarize(ModelTarget target, String previous, List<ChatMessage> messages, CancelToken cancel) throws ModelError {
        int summaryTokens = Math.max(256, Math.min(1500, target.contextWindow() / 8));
        int inputTokens = target.contextWindow() - summaryTokens - ContextBudget.limitMargin(target.contextWindow());
        String transcript = transcript(previous, messages, (int) (inputTokens * CHARS_PER_TOKEN) - INSTRUCTION.length());
        ChatRequest request = new ChatRequest(target.servedModel(),
                List.of(ChatMessage.system(INSTRUCTION), ChatMessage.user(transcript)), List.of(), summaryTokens, 0.0);
        ChatCompletion answer = target.client().complete(request, ChatStreamListener.NONE, cancel);
        String summary = answer.content() == null ? "" : answer.content().strip();
        if (summary.isEmpty()) {
            throw new ModelError(ModelError.Reason.BAD_RESPONSE, target.client().endpoint(),
                    "The model answered the summary request with nothing, so the conversation could not be condensed.");
        }
        return summary;
    }

    static String transcript(String previous, List<ChatMessage> messages, int maxChars) {
        StringBuilder out = new StringBuilder();
        if (previous != null && !previous.isBlank()) {
            out.append("Summary of what came before:\n").append(previous.strip()).append("\n\n");
        }
        for (ChatMessage message : messages) {
            switch (message.role()) {
                case USER -> out.append("User: ").append(message.content()).append('\n');
                case ASSISTANT -> {
                    if (message.content() != null && !message.content().isBlank()) {
                        out.append("Assistant: ").append(cut(message.content(), ANSWER_CHARS)).append('\n');
                    }
                    for (ToolCall call : message.toolCalls()) {
                        out.append("Assistant called ").append(call.name()).append(' ').append(cut(call.arguments(), 300)).append('\n');
                    }
                }
                case TOOL -> out.append("Tool result: ").append(cut(message.content(), RESULT_CHARS)).append('\n');
                case SYSTEM -> { }
            }
        }
        if (out.length() <= maxChars) {
            return out.toString();
        }
        String note = "[the oldest part of the conversation was too long to summarize and is left out]\n";
        return note + out.substring(out.length() - Math.max(0, maxChars - note.length()));
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + " [...]";
    }
}
