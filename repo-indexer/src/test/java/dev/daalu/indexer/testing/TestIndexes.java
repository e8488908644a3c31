package dev.daalu.indexer.testing;

import dev.daalu.indexer.IndexConfig;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.RepoIndexer;
import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;
import dev.daalu.indexer.parse.SyntaxParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Opens indexes the way the tests need them: index outside the workspace, toy parser, listing mapper. */
public final class TestIndexes {

    /**
     * An hour ahead of the wall clock, so files the test just wrote are outside the racy window and their
     * modification time is trusted on the next pass (as it would be for any file not edited this second).
     */
    public static final Clock AHEAD = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

    private TestIndexes() {
    }

    public static RepoIndex open(Path root, Path indexDir, SyntaxParser parser) throws IOException {
        return open(root, IndexConfig.defaults().withIndexDir(indexDir).withThreads(2), parser);
    }

    public static RepoIndex open(Path root, IndexConfig config, SyntaxParser parser) throws IOException {
        return RepoIndexer.builder().root(root).config(config).parser(parser).mapper(new ListingMapper())
                .clock(AHEAD).build();
    }

    /** Hits as {@code path:line:column:text}, in result order. */
    public static List<String> lines(SearchResults results) {
        if (results.error() != null) {
            throw new AssertionError("search failed: " + results.error());
        }
        return results.hits().stream().map(h -> h.location() + ":" + h.text()).toList();
    }

    public static SearchResults search(RepoIndex index, SearchQuery query) {
        try {
            return index.search(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
