package dev.daalu.indexer;

import java.nio.file.Path;
import java.util.List;

/**
 * What the index holds and how the last pass went.
 *
 * @param state the current state
 * @param indexDir where the index lives (outside the workspace)
 * @param filesTotal files seen by the last walk (not ignored)
 * @param textFiles files indexed as text
 * @param binaryFiles files classified as binary (listable, not searchable)
 * @param parsedFiles files with symbols from a grammar
 * @param parseSkipped files not parsed because too large, minified, too deep, or timed out
 * @param changedInLastPass files re-read by the last pass
 * @param lastPassMillis duration of the last pass
 * @param problems files that could not be read or parsed, with the reason (capped)
 */
public record IndexStatus(
        State state,
        Path indexDir,
        long filesTotal,
        long textFiles,
        long binaryFiles,
        long parsedFiles,
        long parseSkipped,
        long changedInLastPass,
        long lastPassMillis,
        List<Problem> problems) {

    public enum State { EMPTY, INDEXING, READY, FAILED }

    public IndexStatus {
        problems = List.copyOf(problems);
    }

    /** One file that could not be read or parsed. */
    public record Problem(String path, String message) { }
}
