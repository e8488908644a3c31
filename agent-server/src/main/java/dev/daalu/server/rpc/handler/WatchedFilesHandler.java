package dev.daalu.server.rpc.handler;

import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.server.protocol.DidChangeWatchedFilesParams;
import dev.daalu.server.rpc.ServerState;
import dev.daalu.server.runtime.WorkspaceRuntime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code workspace/didChangeWatchedFiles}: feeds changed paths to {@link RepoIndex#update}, off the reader thread.
 *
 * <p>{@link #accept} only converts URIs and queues the paths. One update is scheduled {@code debounce} after the
 * first queued path and takes every path queued until it starts, so a burst (a branch switch, a formatter run)
 * becomes one update; paths that arrive while it runs go into the next. More than {@value #MAX_BATCH} paths at once
 * trigger a full {@link RepoIndex#refresh} instead. The scheduler must be single-threaded, so updates never overlap.
 *
 * <p>Thread-safe. Events before {@code initialize} or after shutdown are ignored.
 */
public final class WatchedFilesHandler {

    static final int MAX_BATCH = 5000;

    private static final Logger LOG = Logger.getLogger(WatchedFilesHandler.class.getName());

    private final ServerState state;
    private final ScheduledExecutorService scheduler;
    private final Duration debounce;
    private final Set<Path> pending = new LinkedHashSet<>();
    private boolean scheduled;

    public WatchedFilesHandler(ServerState state, ScheduledExecutorService scheduler, Duration debounce) {
        this.state = state;
        this.scheduler = scheduler;
        this.debounce = debounce;
    }

    public void accept(DidChangeWatchedFilesParams params) {
        if (params == null || params.changes() == null || !state.isInitialized()) {
            return;
        }
        List<Path> paths = params.changes().stream().filter(java.util.Objects::nonNull)
                .map(event -> toPath(event.uri())).flatMap(Optional::stream).toList();
        if (paths.isEmpty()) {
            return;
        }
        synchronized (this) {
            pending.addAll(paths);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            scheduler.schedule(this::drain, debounce.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: the index is closing and the paths no longer matter
        }
    }

    private void drain() {
        List<Path> batch;
        synchronized (this) {
            batch = List.copyOf(pending);
            pending.clear();
            scheduled = false;
        }
        WorkspaceRuntime runtime = state.runtimeOrNull();
        if (runtime == null || batch.isEmpty()) {
            return;
        }
        try {
            if (batch.size() > MAX_BATCH) {
                runtime.index().refresh(IndexListener.NONE);
            } else {
                runtime.index().update(batch);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The index could not take " + batch.size() + " changed files", e);
        }
    }

    /** A {@code file://} URI or an absolute path; anything else is ignored. */
    static Optional<Path> toPath(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        try {
            if (uri.regionMatches(true, 0, "file:", 0, 5)) {
                return Optional.of(Path.of(URI.create(uri)));
            }
            Path path = Path.of(uri);
            if (path.isAbsolute()) {
                return Optional.of(path);
            }
        } catch (IllegalArgumentException e) {
            LOG.fine(() -> "Ignored a watched-file event with a malformed URI: " + e.getMessage());
            return Optional.empty();
        }
        LOG.fine(() -> "Ignored a watched-file event that is neither a file:// URI nor an absolute path");
        return Optional.empty();
    }
}
