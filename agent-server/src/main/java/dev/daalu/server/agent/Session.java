package dev.daalu.server.agent;

import dev.daalu.server.model.ChatMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One conversation: its messages (without the system prompt, which is rebuilt for every request) and the
 * log they are appended to. A session runs one turn at a time ({@link #turnLock()}).
 *
 * <p>Threading: the messages are touched only by the thread running the session's turn, under the turn lock.
 */
public final class Session {

    private final String id;
    private final Instant createdAt;
    private final List<ChatMessage> messages;
    private final ConversationLog log;
    private final ReentrantLock turnLock = new ReentrantLock();
    private String summary;
    private int summarizedCount;

    Session(String id, Instant createdAt, List<ChatMessage> messages, String summary, int summarizedCount, ConversationLog log) {
        this.id = id;
        this.createdAt = createdAt;
        this.messages = new ArrayList<>(messages);
        this.summary = summary;
        this.summarizedCount = summarizedCount;
        this.log = log;
    }

    public String id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ReentrantLock turnLock() {
        return turnLock;
    }

    /** The conversation so far, oldest first. */
    public List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    /** Adds a message and appends it to the log. */
    public void append(ChatMessage message, String turnId) throws IOException {
        messages.add(message);
        log.appendMessage(message, turnId);
    }

    /** Records how a turn ended. */
    public void endTurn(String turnId, TurnOutcome.Kind outcome) throws IOException {
        log.appendTurnEnd(turnId, outcome);
    }

    /**
     * A summary that stands for the first {@link #summarizedCount()} messages, once the history was condensed
     * to fit the context window; null before that.
     */
    public String summary() {
        return summary;
    }

    public int summarizedCount() {
        return summarizedCount;
    }

    /** Records that the first {@code count} messages are now represented by {@code text}. */
    public void summarize(String text, int count) throws IOException {
        if (count < summarizedCount || count > messages.size()) {
            throw new IllegalArgumentException("summary must cover " + summarizedCount + ".." + messages.size() + " messages");
        }
        this.summary = text;
        this.summarizedCount = count;
        log.appendSummary(text, count);
    }
}
