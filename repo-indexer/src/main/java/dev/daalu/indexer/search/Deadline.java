package dev.daalu.indexer.search;

import java.util.function.LongSupplier;

/**
 * A point in time after which a regular-expression scan gives up. Java's regex engine backtracks, so a
 * pattern such as {@code (a+)+b} can take exponential time on one long line; wrapping the text in
 * {@link #guard} makes the engine's own character reads check the clock (every few thousand reads), and
 * throws {@link Expired} once it is past.
 */
public final class Deadline {

    /** The scan ran out of time. */
    public static final class Expired extends RuntimeException {
        Expired() {
            super("search time limit exceeded", null, false, false);
        }
    }

    private static final int READS_PER_CHECK = 1 << 14;

    private final LongSupplier nanoClock;
    private final long deadlineNanos;

    private Deadline(LongSupplier nanoClock, long deadlineNanos) {
        this.nanoClock = nanoClock;
        this.deadlineNanos = deadlineNanos;
    }

    /** @param nanoClock a monotonic clock, normally {@code System::nanoTime} */
    public static Deadline after(long nanos, LongSupplier nanoClock) {
        return new Deadline(nanoClock, nanoClock.getAsLong() + nanos);
    }

    public void check() {
        if (nanoClock.getAsLong() - deadlineNanos > 0) {
            throw new Expired();
        }
    }

    /** {@code text}, with reads that check this deadline. Not thread-safe: one per scan. */
    public CharSequence guard(String text) {
        return new Guarded(text, this, 0, text.length());
    }

    private static final class Guarded implements CharSequence {
        private final String text;
        private final Deadline deadline;
        private final int offset;
        private final int length;
        private int reads;

        Guarded(String text, Deadline deadline, int offset, int length) {
            this.text = text;
            this.deadline = deadline;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public char charAt(int index) {
            if (++reads == READS_PER_CHECK) {
                reads = 0;
                deadline.check();
            }
            return text.charAt(offset + index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text, deadline, offset + start, end - start);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
