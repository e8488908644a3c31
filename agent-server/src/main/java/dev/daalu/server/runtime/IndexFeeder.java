package dev.daalu.server.runtime;

import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.server.tool.ChangeNotifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the index in step with what tools change. A file the agent wrote is re-indexed before the tool call
 * returns, so the next search sees it; after a command (which may change anything) a full refresh runs in the
 * background, coalesced so a burst of commands costs one pass. Failures are logged, never thrown at the tool.
 */
final class IndexFeeder implements ChangeNotifier, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IndexFeeder.class.getName());

    private final RepoIndex index;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "index-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    IndexFeeder(RepoIndex index) {
        this.index = index;
    }

    @Override
    public void filesChanged(List<Path> files) {
        try {
            index.update(files);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not re-index " + files.size() + " written file(s): " + e.getMessage());
        }
    }

    @Override
    public void workspaceMayHaveChanged() {
        if (refreshQueued.compareAndSet(false, true)) {
            background.execute(() -> {
                refreshQueued.set(false);
                refresh(IndexListener.NONE);
            });
        }
    }

    /** Runs a full pass now, on the background thread, then {@code done}; used for the first pass when the workspace opens. */
    void refreshInBackground(IndexListener progress, Runnable done) {
        background.execute(() -> {
            try {
                refresh(progress);
            } finally {
                done.run();
            }
        });
    }

    private void refresh(IndexListener progress) {
        try {
            index.refresh(progress);
        } catch (IOException | RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                LOG.log(System.Logger.Level.WARNING, "index refresh failed: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
