package dev.daalu.indexer.lucene;

import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.IndexListener.IndexProgress;
import dev.daalu.indexer.IndexListener.IndexProgress.Phase;

import java.time.Clock;
import java.util.Arrays;

/**
 * Passes progress to an {@link IndexListener} at most every {@value #INTERVAL_MILLIS} ms per phase, plus
 * every report marked final, so a pass over 80,000 files makes a few dozen calls, not 80,000. A listener that
 * throws is ignored. Thread-safe.
 */
final class ProgressThrottle {

    static final long INTERVAL_MILLIS = 100;

    private final IndexListener listener;
    private final Clock clock;
    private final long[] lastReport = new long[Phase.values().length];

    ProgressThrottle(IndexListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
        Arrays.fill(lastReport, Long.MIN_VALUE);
    }

    /** Reports unless this phase reported less than the interval ago. {@code total} is -1 when not known yet. */
    synchronized void report(Phase phase, long done, long total, String path) {
        long now = clock.millis();
        if (lastReport[phase.ordinal()] != Long.MIN_VALUE && now - lastReport[phase.ordinal()] < INTERVAL_MILLIS) {
            return;
        }
        lastReport[phase.ordinal()] = now;
        emit(new IndexProgress(phase, done, total, path));
    }

    /** Reports whatever the interval (phase boundaries, the end). */
    synchronized void always(Phase phase, long done, long total, String path) {
        lastReport[phase.ordinal()] = clock.millis();
        emit(new IndexProgress(phase, done, total, path));
    }

    private void emit(IndexProgress progress) {
        try {
            listener.onProgress(progress);
        } catch (RuntimeException ignored) {
            // a listener must not throw; if it does, the pass is not its hostage
        }
    }
}
