package dev.daalu.server.runtime;

import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.IndexStatus;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.RepoMapRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The index, with its symbol graph rebuilt in the background after every pass that changed files: the repo map
 * builds its graph on the first request after a change (seconds on a kernel-sized tree), and the next turn's
 * system prompt should not wait for it. Rebuilds are coalesced: one runs at a time, and a burst of changes
 * costs one more.
 */
final class WarmedMapIndex extends ForwardingRepoIndex {

    private static final System.Logger LOG = System.getLogger(WarmedMapIndex.class.getName());
    private static final RepoMapRequest WARM_UP = RepoMapRequest.of(1024);

    private final ExecutorService warmer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "repo-map-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    WarmedMapIndex(RepoIndex index) {
        super(index);
    }

    @Override
    public IndexStatus refresh(IndexListener listener) throws IOException {
        return warmedAfter(index.refresh(listener));
    }

    @Override
    public IndexStatus update(Collection<Path> changedOrDeleted) throws IOException {
        return warmedAfter(index.update(changedOrDeleted));
    }

    private IndexStatus warmedAfter(IndexStatus status) {
        if (status.changedInLastPass() > 0 && queued.compareAndSet(false, true)) {
            warmer.execute(() -> {
                queued.set(false);
                try {
                    index.map(WARM_UP);
                } catch (IOException | RuntimeException e) {
                    // the next real request builds the graph itself and reports what is wrong
                    LOG.log(System.Logger.Level.DEBUG, "repo map warm-up failed: " + e.getMessage());
                }
            });
        }
        return status;
    }

    @Override
    public void close() throws IOException {
        warmer.shutdownNow();
        index.close();
    }
}
