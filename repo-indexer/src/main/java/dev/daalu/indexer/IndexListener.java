package dev.daalu.indexer;

/**
 * Receives progress of an index pass. Called from indexing threads; implementations must be
 * fast, must not throw, and should throttle their own output (a pass may report thousands of times).
 */
@FunctionalInterface
public interface IndexListener {

    IndexListener NONE = progress -> { };

    void onProgress(IndexProgress progress);

    /** One progress report: {@code done} of {@code total} units of {@code phase}. */
    record IndexProgress(Phase phase, long done, long total, String currentPath) {
        public enum Phase { WALK, READ, PARSE, COMMIT, DONE }
    }
}
