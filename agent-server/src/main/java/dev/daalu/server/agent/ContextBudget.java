package dev.daalu.server.agent;

import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ToolDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits each request into the model's context window before it is sent, so no request ever exceeds it.
 *
 * <p>The limit is the window minus the tokens reserved for the answer and a margin (a share of the window plus a
 * few tokens per message, for the chat template's markers and the estimate's error). The system prompt's repo map
 * has a bounded share already. When the conversation is too long:
 * <ol>
 *   <li>older tool results are shortened first, oldest first: each keeps its call and its first lines, and says
 *       how much was cut and how to see it again;</li>
 *   <li>if that is not enough, the request does not {@link FittedRequest#fits() fit}, and the caller condenses the
 *       messages before {@link FittedRequest#newestTurnStart()} into a summary (through the model) and fits again.</li>
 * </ol>
 * The newest turn stays whole: the user's latest message and the latest model step with its tool results are
 * never shortened.
 *
 * <p>Thread-safe when its {@link PromptTokens} is.
 */
public final class ContextBudget {

    static final double MARGIN_SHARE = 0.02;
    static final int TOKENS_PER_MESSAGE = 6;
    static final int KEPT_RESULT_CHARS = 400;
    private static final double ESTIMATE_CHARS_PER_TOKEN = 3.0;

    private final PromptTokens tokens;

    public ContextBudget(PromptTokens tokens) {
        this.tokens = tokens;
    }

    /** The most prompt tokens a request may have for this window and answer reserve. */
    static int limit(int window, int answerReserve, int messageCount) {
        return window - answerReserve - limitMargin(window) - TOKENS_PER_MESSAGE * messageCount;
    }

    /** The share of the window kept free for the estimate's error and the template. */
    static int limitMargin(int window) {
        return (int) Math.ceil(window * MARGIN_SHARE);
    }

    /** Fits {@code conversation} (what is not summarized yet, the current user message included) behind {@code systemPrompt}. */
    public FittedRequest fit(String systemPrompt, List<ChatMessage> conversation, List<ToolDefinition> tools,
                             int window, int answerReserve) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(systemPrompt));
        messages.addAll(conversation);
        int limit = limit(window, answerReserve, messages.size());
        int count = tokens.count(messages, tools);
        int newest = newestTurnStart(conversation);
        if (count <= limit) {
            return new FittedRequest(messages, count, limit, 0, newest);
        }
        int protectedFrom = 1 + newest;
        int shortened = 0;
        int estimate = count;
        for (int i = 1; i < protectedFrom && estimate > limit; i++) {
            ChatMessage message = messages.get(i);
            if (message.role() != ChatMessage.Role.TOOL || message.content() == null
                    || message.content().length() <= KEPT_RESULT_CHARS + 200) {
                continue;
            }
            String cut = shorten(message.content());
            estimate -= (int) ((message.content().length() - cut.length()) / ESTIMATE_CHARS_PER_TOKEN);
            messages.set(i, message.withContent(cut));
            shortened++;
        }
        if (shortened > 0) {
            count = tokens.count(messages, tools);
        }
        return new FittedRequest(messages, count, limit, shortened, newest);
    }

    /**
     * Where the newest turn's protected part starts in {@code conversation}: the latest model step (its assistant
     * message and tool results), or the latest user message when that comes later.
     */
    static int newestTurnStart(List<ChatMessage> conversation) {
        for (int i = conversation.size() - 1; i >= 0; i--) {
            ChatMessage.Role role = conversation.get(i).role();
            if (role == ChatMessage.Role.ASSISTANT || role == ChatMessage.Role.USER) {
                return i;
            }
        }
        return 0;
    }

    static String shorten(String result) {
        String head = result.substring(0, KEPT_RESULT_CHARS);
        int lineEnd = head.lastIndexOf('\n');
        if (lineEnd > KEPT_RESULT_CHARS / 2) {
            head = head.substring(0, lineEnd + 1);
        }
        int cut = result.length() - head.length();
        return head + "\n[older tool result shortened to fit the context window: " + cut + " of " + result.length()
                + " characters cut; call the tool again if you need them]";
    }
}
