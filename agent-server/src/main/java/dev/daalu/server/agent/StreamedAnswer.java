package dev.daalu.server.agent;

import dev.daalu.server.model.ChatStreamListener;

/**
 * Passes a model step's streamed content to the turn's listener, except while the content so far could be a
 * tool call written as text ({@code {"name":...}}, {@code <tool_call>}, {@code <function=...>}, a fenced
 * block, a JSON array): then it is held until the step ends, and either dropped (the client recovered it as a
 * tool call, so it is not part of the answer) or released. Prose streams at once; only answers that begin
 * like a call wait.
 *
 * <p>One instance per model step; called on the HTTP reading thread, then {@link #finish} on the turn's thread.
 */
final class StreamedAnswer implements ChatStreamListener {

    private static final String[] CALL_OPENINGS = {"{", "[", "<tool_call", "<tools", "<function", "```"};

    private final TurnListener listener;
    private final StringBuilder held = new StringBuilder();
    private boolean decided;
    private boolean holding;

    StreamedAnswer(TurnListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void onContent(String delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        if (decided && !holding) {
            listener.onDelta(delta);
            return;
        }
        held.append(delta);
        if (!decided) {
            decide();
        }
    }

    private void decide() {
        String start = held.toString().stripLeading();
        if (start.isEmpty()) {
            return;
        }
        for (String opening : CALL_OPENINGS) {
            if (start.length() < opening.length() ? opening.startsWith(start) : start.startsWith(opening)) {
                if (start.length() >= opening.length()) {
                    decided = true;
                    holding = true;
                }
                return;
            }
        }
        decided = true;
        holding = false;
        listener.onDelta(held.toString());
        held.setLength(0);
    }

    /**
     * Ends the step.
     *
     * @param contentWasToolCall whether the client turned the content into tool calls (then the held text is dropped)
     */
    synchronized void finish(boolean contentWasToolCall) {
        if (!held.isEmpty() && !contentWasToolCall) {
            listener.onDelta(held.toString());
        }
        held.setLength(0);
    }
}
