package dev.daalu.server.runtime;

import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The workspace's index as tools and hosts see it while the first pass may still run: a search or a map
 * made before the first pass ends waits for it (up to {@link #WAIT}), because an empty answer from a half-built
 * index would mislead the model ("no matches" for code that exists). After the wait it answers from what is
 * indexed so far.
 */
final class FirstPassIndex extends ForwardingRepoIndex {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final CountDownLatch firstPass = new CountDownLatch(1);

    FirstPassIndex(RepoIndex index) {
        super(index);
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
    public SearchResults search(SearchQuery query) throws IOException {
        awaitFirstPass();
        return index.search(query);
    }

    @Override
    public RepoMap map(RepoMapRequest request) throws IOException {
        awaitFirstPass();
        return index.map(request);
    }
}
