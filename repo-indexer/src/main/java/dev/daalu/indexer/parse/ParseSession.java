package dev.daalu.indexer.parse;

/**
 * The parse of one file on the current parse thread: this thread's native parser and query cursor for
 * the file's language, and the deadline of the whole file (every parse and query of it together).
 *
 * <p>Not thread-safe; lives for one {@link Tagger#tags} call.
 */
final class ParseSession {

    private final long parser;
    private final long cursor;
    private final long deadlineNanos;

    ParseSession(long parser, long cursor, long deadlineNanos) {
        this.parser = parser;
        this.cursor = cursor;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Parses {@code source} (error nodes stand where it does not parse cleanly) and hands each match of
     * {@code query} whose predicates hold to {@code consumer}, in document order.
     *
     * @throws TimedOut when parse and query run past the deadline
     */
    void run(TagQuery query, SourceText source, TagQuery.MatchConsumer consumer) {
        long remainingMicros = (deadlineNanos - System.nanoTime()) / 1000;
        if (remainingMicros <= 0) {
            throw new TimedOut();
        }
        int[] matches = NativeTreeSitter.parseAndMatch(parser, cursor, query.pointer(), source.bytes(), remainingMicros);
        if (matches == null) {
            throw new TimedOut();
        }
        query.forEachMatch(matches, source, consumer);
    }

    /** The file's deadline passed; its tags are abandoned. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("parse timed out", null, false, false);
        }
    }
}
