package dev.daalu.indexer;

import dev.daalu.indexer.lucene.IndexSearch;
import dev.daalu.indexer.lucene.IndexUpdater;
import dev.daalu.indexer.lucene.LuceneStore;
import dev.daalu.indexer.lucene.Manifest;
import dev.daalu.indexer.lucene.StoreSymbols;
import dev.daalu.indexer.parse.SyntaxParser;
import dev.daalu.indexer.rank.RepoMapper;
import dev.daalu.indexer.scan.IgnoreRules;
import dev.daalu.indexer.scan.WorkspaceWalker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link RepoIndex} over a {@link LuceneStore}: passes run under one lock (searches and maps do not take
 * it and see the last refreshed state), reading and parsing run on a pool of big-stack worker threads.
 */
final class LuceneRepoIndex implements RepoIndex {

    /** At most this many problems are reported in the status. */
    static final int MAX_PROBLEMS = 200;

    private final Path givenRoot;
    private final Path root;
    private final IndexConfig config;
    private final RepoMapper mapper;
    private final LuceneStore store;
    private final ExecutorService workers;
    private final ExecutorService searchers;
    private final IndexUpdater updater;
    private final IndexSearch search;
    private final StoreSymbols symbols;
    private final ReentrantLock passLock = new ReentrantLock();
    private volatile IndexStatus.State state;
    private volatile long lastPassMillis;
    private volatile long changedInLastPass;
    private volatile String lastFailure;
    private volatile boolean closed;

    LuceneRepoIndex(Path givenRoot, Path realRoot, IndexConfig config, SyntaxParser parser, RepoMapper mapper,
                    LuceneStore store, Clock clock) {
        this.givenRoot = givenRoot;
        this.root = realRoot;
        this.config = config;
        this.mapper = mapper;
        this.store = store;
        this.workers = IndexUpdater.workerPool(config.threads());
        this.updater = new IndexUpdater(realRoot, config, parser, store, workers, clock);
        this.searchers = IndexSearch.searchPool(config.threads());
        this.search = new IndexSearch(realRoot, store, searchers, config.threads(), System::nanoTime);
        this.symbols = new StoreSymbols(store);
        this.state = store.manifest().size() > 0 ? IndexStatus.State.READY : IndexStatus.State.EMPTY;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public IndexStatus refresh(IndexListener listener) throws IOException {
        return runPass(() -> updater.refresh(listener));
    }

    @Override
    public IndexStatus update(Collection<Path> changedOrDeleted) throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        for (Path path : changedOrDeleted) {
            String relative = relative(path);
            if (relative == null) {
                continue;
            }
            if (relative.isEmpty() || changesIgnoreRules(relative)) {
                return refresh(IndexListener.NONE);
            }
            paths.add(relative);
        }
        return runPass(() -> updater.update(paths));
    }

    private interface PassBody {
        IndexUpdater.Pass run() throws IOException;
    }

    private IndexStatus runPass(PassBody body) throws IOException {
        passLock.lock();
        try {
            ensureOpen();
            state = IndexStatus.State.INDEXING;
            try {
                IndexUpdater.Pass pass = body.run();
                lastPassMillis = pass.millis();
                changedInLastPass = pass.changed();
                lastFailure = null;
                state = IndexStatus.State.READY;
            } catch (IOException | RuntimeException e) {
                lastFailure = e.getMessage();
                state = IndexStatus.State.FAILED;
                throw e;
            }
            return status();
        } finally {
            passLock.unlock();
        }
    }

    // A changed ignore file changes what belongs in the index anywhere below it: walk everything
    private static boolean changesIgnoreRules(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return name.equals(IgnoreRules.GITIGNORE) || name.equals(IgnoreRules.DAALUIGNORE)
                || relative.equals(".git/info/exclude");
    }

    // Relative to the root ("" for the root itself), or null for a path outside it
    private String relative(Path path) {
        Path absolute = (path.isAbsolute() ? path : root.resolve(path)).normalize();
        Path base = absolute.startsWith(root) ? root : absolute.startsWith(givenRoot) ? givenRoot : null;
        if (base == null) {
            return null;
        }
        return base.relativize(absolute).toString().replace('\\', '/');
    }

    @Override
    public SearchResults search(SearchQuery query) throws IOException {
        ensureOpen();
        return search.search(query);
    }

    @Override
    public RepoMap map(RepoMapRequest request) throws IOException {
        ensureOpen();
        return mapper.map(symbols, workspaceRelative(request));
    }

    // An editor hands over absolute paths (a copied path, the active file): focus on the file they name
    private RepoMapRequest workspaceRelative(RepoMapRequest request) {
        List<String> focus = new ArrayList<>(request.focus().size());
        for (String item : request.focus()) {
            String relative = item.startsWith("/") ? relative(Path.of(item)) : null;
            focus.add(relative == null || relative.isEmpty() ? item : relative);
        }
        return focus.equals(request.focus()) ? request : new RepoMapRequest(focus, request.maxTokens());
    }

    @Override
    public DirectoryListing list(String relativeDir, int depth, int maxEntries) throws IOException {
        ensureOpen();
        if (depth < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("depth and maxEntries must be at least 1");
        }
        WorkspaceWalker walker = new WorkspaceWalker(root, IgnoreRules.load(root, config.respectGitignore()));
        List<DirectoryListing.Entry> entries = new ArrayList<>();
        boolean[] truncated = {false};
        walker.walk(relativeDir == null ? "" : relativeDir, depth, entry -> {
            if (entries.size() >= maxEntries) {
                truncated[0] = true;
                return false;
            }
            entries.add(switch (entry.kind()) {
                case DIRECTORY -> new DirectoryListing.Entry(entry.path() + "/", true, -1, false);
                case SYMLINK -> new DirectoryListing.Entry(entry.path(), false, -1, true);
                case FILE -> new DirectoryListing.Entry(entry.path(), false, entry.size(), false);
            });
            return true;
        });
        return new DirectoryListing(entries, truncated[0]);
    }

    @Override
    public IndexStatus status() {
        Manifest manifest = store.manifest();
        Manifest.Counts counts = manifest.counts();
        Map<String, String> unreadable = updater.unreadable();
        Map<String, String> problems = new TreeMap<>(manifest.problems());
        problems.putAll(unreadable);
        List<IndexStatus.Problem> listed = new ArrayList<>();
        if (lastFailure != null) {
            listed.add(new IndexStatus.Problem("", "the last pass failed: " + lastFailure));
        }
        if (store.openNote() != null) {
            listed.add(new IndexStatus.Problem("", store.openNote()));
        }
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            if (listed.size() >= MAX_PROBLEMS) {
                break;
            }
            listed.add(new IndexStatus.Problem(problem.getKey(), problem.getValue()));
        }
        return new IndexStatus(state, store.indexDir(), counts.files() + unreadable.size(), counts.text(),
                counts.binary(), counts.parsed(), counts.parseSkipped(), changedInLastPass, lastPassMillis, listed);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the index of " + root + " is closed");
        }
    }

    @Override
    public void close() throws IOException {
        passLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            workers.shutdown();
            searchers.shutdown();
            store.close();
        } finally {
            passLock.unlock();
        }
    }
}
