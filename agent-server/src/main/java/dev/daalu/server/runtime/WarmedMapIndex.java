package dev.daalu.server.runtime;

import dev.daalu.indexer.DirectoryListing;
import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.IndexStatus;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;

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
final class WarmedMapIndex implements RepoIndex {

    private static final System.Logger LOG = System.getLogger(WarmedMapIndex.class.getName());
    private static final RepoMapRequest WARM_UP = RepoMapRequest.of(1024);

    private final RepoIndex index;
    private final ExecutorService warmer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "repo-map-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    WarmedMapIndex(RepoIndex index) {
        this.index = index;
    }

    @Override
    public Path root() {
        return index.root();
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
    public SearchResults search(SearchQuery query) throws IOException {
        return index.search(query);
    }

    @Override
    public RepoMap map(RepoMapRequest request) throws IOException {
        return index.map(request);
    }

    @Override
    public DirectoryListing list(String relativeDir, int depth, int maxEntries) throws IOException {
        return index.list(relativeDir, depth, maxEntries);
    }

    @Override
    public IndexStatus status() {
        return index.status();
    }

    @Override
    public void close() throws IOException {
        warmer.shutdownNow();
        index.close();
    }
}
