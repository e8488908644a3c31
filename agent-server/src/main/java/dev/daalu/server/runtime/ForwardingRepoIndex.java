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

/** A {@link RepoIndex} that hands every call to another: the base of the runtime's decorators, which override what they add to. */
abstract class ForwardingRepoIndex implements RepoIndex {

    protected final RepoIndex index;

    ForwardingRepoIndex(RepoIndex index) {
        this.index = index;
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
        index.close();
    }
}
