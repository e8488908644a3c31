package dev.daalu.indexer;

import dev.daalu.indexer.lucene.IndexLocation;
import dev.daalu.indexer.lucene.LuceneStore;
import dev.daalu.indexer.parse.SyntaxParser;
import dev.daalu.indexer.parse.TreeSitterParser;
import dev.daalu.indexer.rank.PageRankRepoMapper;
import dev.daalu.indexer.rank.RepoMapper;
import dev.daalu.indexer.scan.Fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Opens a workspace's {@link RepoIndex}.
 *
 * <pre>{@code
 * try (RepoIndex index = RepoIndexer.builder().root(Path.of("~/src/infra")).build()) {
 *     index.refresh(IndexListener.NONE);
 *     SearchResults results = index.search(SearchQuery.of("bucketPolicy"));
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} opens the index (creating it when absent) but does not walk the workspace;
 * call {@link RepoIndex#refresh} for that.
 */
public final class RepoIndexer {

    private RepoIndexer() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the index's parts; not thread-safe, used once. */
    public static final class Builder {
        private Path root;
        private IndexConfig config = IndexConfig.defaults();
        private SyntaxParser parser;
        private RepoMapper mapper;
        private Clock clock = Clock.systemUTC();
        private Map<String, String> environment = System.getenv();
        private Path home = Path.of(System.getProperty("user.home"));

        private Builder() {
        }

        /** The workspace directory (required). */
        public Builder root(Path value) {
            this.root = Objects.requireNonNull(value, "root");
            return this;
        }

        public Builder config(IndexConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** Extracts tags for the symbol graph; defaults to the tree-sitter parser. */
        public Builder parser(SyntaxParser value) {
            this.parser = Objects.requireNonNull(value, "parser");
            return this;
        }

        /** Ranks and renders repo maps; defaults to the PageRank mapper. */
        public Builder mapper(RepoMapper value) {
            this.mapper = Objects.requireNonNull(value, "mapper");
            return this;
        }

        /** Timestamps and progress throttling; tests inject a fixed clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The environment and home directory that locate the default index directory (see
         * {@link IndexLocation}); the process's by default.
         */
        public Builder environment(Map<String, String> variables, Path homeDirectory) {
            this.environment = Map.copyOf(variables);
            this.home = Objects.requireNonNull(homeDirectory, "homeDirectory");
            return this;
        }

        /**
         * @throws IOException when the root is missing or not a directory (the message says which), or the
         *     index cannot be opened
         */
        public RepoIndex build() throws IOException {
            if (root == null) {
                throw new IllegalStateException("RepoIndexer.builder() needs root(...)");
            }
            if (!Files.exists(root)) {
                throw new NoSuchFileException(root.toString(), null, "no such workspace directory");
            }
            if (!Files.isDirectory(root)) {
                throw new NotDirectoryException(root + ": the workspace is not a directory");
            }
            SyntaxParser syntax = parser != null ? parser : new TreeSitterParser(config);
            RepoMapper ranking = mapper != null ? mapper : new PageRankRepoMapper();
            Path realRoot = root.toRealPath();
            Path indexDir = config.indexDir() != null ? config.indexDir()
                    : IndexLocation.defaultFor(realRoot, environment, home);
            IndexLocation.requireOutside(indexDir, realRoot);
            LuceneStore store = LuceneStore.open(indexDir, settingsFingerprint(syntax));
            return new LuceneRepoIndex(root.toAbsolutePath().normalize(), realRoot, config, syntax, ranking, store, clock);
        }

        // What shapes a document beyond the file's bytes: an index built under other values is rebuilt
        private String settingsFingerprint(SyntaxParser syntax) {
            String implementation = syntax.getClass().getPackage() == null ? null
                    : syntax.getClass().getPackage().getImplementationVersion();
            String settings = "parser=" + syntax.getClass().getName() + "@" + implementation
                    + ";maxParseBytes=" + config.maxParseBytes()
                    + ";maxLineLength=" + config.maxLineLength()
                    + ";maxNestingDepth=" + config.maxNestingDepth()
                    + ";symbolsForVendored=" + config.symbolsForVendored()
                    + ";vendor=" + String.join("\n", config.extraVendorPatterns());
            byte[] bytes = settings.getBytes(StandardCharsets.UTF_8);
            return Fingerprint.contentHash(bytes, bytes.length);
        }

    }
}
