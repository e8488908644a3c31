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
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The workspace's index as tools and hosts see it while the first pass may still run: a search, map or listing
 * made before the first pass ends waits for it (up to {@link #WAIT}), because an empty answer from a half-built
 * index would mislead the model ("no matches" for code that exists). After the wait it answers from what is
 * indexed so far.
 */
final class FirstPassIndex implements RepoIndex {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final RepoIndex index;
    private final CountDownLatch firstPass = new CountDownLatch(1);

    FirstPassIndex(RepoIndex index) {
        this.index = index;
    }

    /** Marks the first pass as over (done or failed). */
    void firstPassEnded() {
        firstPass.countDown();
    }

    private void awaitFirstPass() {
        try {
            firstPass.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Path root() {
        return index.root();
    }

    @Override
    public IndexStatus refresh(IndexListener listener) throws IOException {
        return index.refresh(listener);
    }

    @Override
    public IndexStatus update(Collection<Path> changedOrDeleted) throws IOException {
        return index.update(changedOrDeleted);
    }

    @Override
    public SearchResults search(SearchQuery query) throws IOException {
        awaitFirstPass();
        return index.search(query);
    }

    @Override
    public RepoMap map(RepoMapRequest request) throws IOException {
        awaitFirstPass();
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
        index.close();
    }
}
