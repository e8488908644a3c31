package dev.daalu.indexer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * A searchable, mappable index of one workspace. This is the whole surface the agent server sees.
 *
 * <p>Threading: every method is safe to call from any thread. {@link #search} and {@link #map}
 * may run while {@link #refresh} or {@link #update} is in progress; they then see the last
 * committed state. Only one refresh or update runs at a time; a second one waits.
 *
 * <p>The index never writes inside the workspace: its files live under {@link IndexStatus#indexDir()}.
 *
 * <p>Errors: a file that cannot be read or parsed is reported in {@link IndexStatus#problems()} and
 * never stops a pass. {@link IOException} means the index itself (not a workspace file) failed.
 *
 * <p>Lifecycle: obtained from {@link RepoIndexer#builder()}, used, then {@link #close() closed}.
 */
public interface RepoIndex extends AutoCloseable {

    /** The real path (symlinks resolved) of the workspace root. */
    Path root();

    /**
     * Walks the workspace and brings the index up to date: new and changed files (size, mtime,
     * then content hash) are re-read, deleted ones dropped, unchanged ones left alone.
     *
     * @param listener receives progress; may be {@link IndexListener#NONE}
     * @return the status after the pass
     */
    IndexStatus refresh(IndexListener listener) throws IOException;

    /**
     * Re-indexes exactly the given paths, which may be changed, created or deleted files
     * (absolute, or relative to {@link #root()}). Paths outside the root and ignored paths are
     * dropped silently. When this returns, the new content is searchable.
     */
    IndexStatus update(Collection<Path> changedOrDeleted) throws IOException;

    /** Runs a search; never throws for a malformed regex (see {@link SearchResults#error()}). */
    SearchResults search(SearchQuery query) throws IOException;

    /** Builds a ranked repo map that fits {@link RepoMapRequest#maxTokens()}. */
    RepoMap map(RepoMapRequest request) throws IOException;

    /**
     * Lists a directory of the workspace honouring the same ignore rules as the index
     * (.gitignore at every level, .git/info/exclude, .daaluignore; never .git itself).
     *
     * @param relativeDir directory relative to the root; "" or "." for the root
     * @param depth how many levels to descend (1 = direct children)
     * @param maxEntries cap on entries returned; {@link DirectoryListing#truncated()} says if hit
     */
    DirectoryListing list(String relativeDir, int depth, int maxEntries) throws IOException;

    /** The current state, counts and problems; cheap. */
    IndexStatus status();

    @Override
    void close() throws IOException;
}
