package dev.daalu.server.model;

import java.util.function.Consumer;

/**
 * Splits streamed content into answer and reasoning when the model writes its reasoning inline as
 * {@code <think>...</think>} (a server without a reasoning parser).
 *
 * <p>Only a {@code <think>} that opens the content (after whitespace) counts, so an answer that mentions
 * the tag stays intact. Tags split across deltas are recognised: text that may be the start of a tag is
 * held back until the next delta decides. Whitespace between {@code </think>} and the answer is dropped.
 *
 * <p>Not thread-safe: one filter per answer, fed in stream order.
 */
final class ThinkTagFilter {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private enum State { LEADING, THINKING, ANSWER }

    private final Consumer<String> content;
    private final Consumer<String> reasoning;
    private final StringBuilder held = new StringBuilder();
    private State state = State.LEADING;
    private boolean trimLeading;

    ThinkTagFilter(Consumer<String> content, Consumer<String> reasoning) {
        this.content = content;
        this.reasoning = reasoning;
    }

    void accept(String delta) {
        if (delta.isEmpty()) {
            return;
        }
        switch (state) {
            case ANSWER -> answer(delta);
            case LEADING -> leading(delta);
            case THINKING -> thinking(delta);
        }
    }

    /** Releases held-back text at the end of the answer; an unclosed {@code <think>} is all reasoning. */
    void finish() {
        String rest = held.toString();
        held.setLength(0);
        if (rest.isEmpty()) {
            return;
        }
        if (state == State.THINKING) {
            reasoning.accept(rest);
        } else {
            content.accept(rest);
        }
    }

    private void leading(String delta) {
        held.append(delta);
        String all = held.toString();
        String text = all.stripLeading();
        if (text.isEmpty() || (text.length() < OPEN.length() && OPEN.startsWith(text))) {
            return;
        }
        held.setLength(0);
        if (text.startsWith(OPEN)) {
            state = State.THINKING;
            thinking(text.substring(OPEN.length()));
        } else {
            state = State.ANSWER;
            content.accept(all);
        }
    }

    private void thinking(String delta) {
        held.append(delta);
        int close = held.indexOf(CLOSE);
        if (close >= 0) {
            String before = held.substring(0, close);
            String after = held.substring(close + CLOSE.length());
            held.setLength(0);
            emit(reasoning, before);
            state = State.ANSWER;
            trimLeading = true;
            answer(after);
            return;
        }
        int keep = partialTagLength(held, CLOSE);
        String ready = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        emit(reasoning, ready);
    }

    private void answer(String delta) {
        String text = delta;
        if (trimLeading) {
            text = text.stripLeading();
            if (text.isEmpty()) {
                return;
            }
            trimLeading = false;
        }
        content.accept(text);
    }

    /** The length of the longest end of {@code text} that is a proper start of {@code tag}. */
    private static int partialTagLength(CharSequence text, String tag) {
        for (int length = Math.min(tag.length() - 1, text.length()); length > 0; length--) {
            if (tag.startsWith(text.subSequence(text.length() - length, text.length()).toString())) {
                return length;
            }
        }
        return 0;
    }

    private static void emit(Consumer<String> target, String text) {
        if (!text.isEmpty()) {
            target.accept(text);
        }
    }
}
