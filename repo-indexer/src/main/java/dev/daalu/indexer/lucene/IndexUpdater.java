package dev.daalu.indexer.lucene;

import dev.daalu.indexer.IndexConfig;
import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.IndexListener.IndexProgress.Phase;
import dev.daalu.indexer.parse.ParseThreads;
import dev.daalu.indexer.parse.SyntaxParser;
import dev.daalu.indexer.scan.ChangeSet;
import dev.daalu.indexer.scan.FileClassifier;
import dev.daalu.indexer.scan.Fingerprint;
import dev.daalu.indexer.scan.IgnoreRules;
import dev.daalu.indexer.scan.WalkEntry;
import dev.daalu.indexer.scan.WorkspaceWalker;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings the store up to date with the workspace: a full pass ({@link #refresh}) walks everything (listing
 * directories on several threads), an {@link #update} looks only at given paths. Files to (re)read go to
 * worker threads through a bounded window, so the walk never runs far ahead and memory holds only the files in
 * flight; the walk and the reading overlap.
 *
 * <p>Not thread-safe: the caller runs one pass at a time.
 */
public final class IndexUpdater {

    /** Result of one pass. */
    public record Pass(int changed, long millis) { }

    private static final int IN_FLIGHT_PER_THREAD = 4;
    /** A file in flight takes one permit, plus one per MiB, so a few big files cannot fill the heap. */
    private static final int BIG_FILE_PERMITS = (int) (FileClassifier.MAX_TEXT_BYTES >> 20);
    private static final long COMMIT_EVERY_MILLIS = 60_000;

    private final Path root;
    private final IndexConfig config;
    private final LuceneStore store;
    private final ExecutorService workers;
    private final Clock clock;
    private final FileIndexer files;
    private final Map<String, String> unreadable = new ConcurrentHashMap<>();

    /** @param workers from {@link #workerPool}; owned by the caller */
    public IndexUpdater(Path realRoot, IndexConfig config, SyntaxParser parser, LuceneStore store,
                        ExecutorService workers, Clock clock) {
        this.root = realRoot;
        this.config = config;
        this.store = store;
        this.workers = workers;
        this.clock = clock;
        this.files = new FileIndexer(realRoot, config, parser, store, clock);
    }

    /**
     * Daemon worker threads, which end when idle. They are {@link ParseThreads}: tree-sitter's native parser
     * runs on the Java thread's stack and needs a big one, and parses inline only on such threads.
     */
    public static ExecutorService workerPool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), ParseThreads.factory("daalu-indexer"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Files (and directories) that could not be read in the last passes, with the reason. */
    public Map<String, String> unreadable() {
        return Map.copyOf(unreadable);
    }

    /** Walks the whole workspace, re-reads what changed, drops what is gone, commits. */
    public Pass refresh(IndexListener listener) throws IOException {
        long start = clock.millis();
        ProgressThrottle progress = new ProgressThrottle(listener, clock);
        unreadable.clear();
        WorkspaceWalker walker = new WorkspaceWalker(root, IgnoreRules.load(root, config.respectGitignore()));
        ChangeSet changes = new ChangeSet(store.manifest().fingerprints());
        Batch batch = new Batch(progress);
        ForkJoinPool listing = new ForkJoinPool(config.threads());
        try {
            walk(walker, "", changes, batch, progress, listing);
        } finally {
            listing.shutdown();
        }
        progress.always(Phase.WALK, changes.seen(), changes.seen(), null);
        batch.await();
        for (String gone : changes.deleted()) {
            store.delete(gone);
            batch.changed.incrementAndGet();
        }
        progress.always(Phase.COMMIT, 0, 1, null);
        store.commit();
        store.refresh();
        int changed = batch.changed.get();
        progress.always(Phase.DONE, changed, changed, null);
        return new Pass(changed, clock.millis() - start);
    }

    /**
     * Re-indexes exactly these paths (relative, normalised): files are re-read, directories walked, and
     * whatever is gone, ignored or a link is dropped with everything under it. When this returns, searches
     * see the result. It is not committed (an fsync costs more than the update): the next {@link #refresh}
     * or closing the store commits, and if the process dies first, that next pass re-reads the files, whose
     * modification times then differ from the last commit.
     */
    public Pass update(Collection<String> relativePaths) throws IOException {
        long start = clock.millis();
        ProgressThrottle progress = new ProgressThrottle(IndexListener.NONE, clock);
        WorkspaceWalker walker = new WorkspaceWalker(root, IgnoreRules.load(root, config.respectGitignore()));
        Batch batch = new Batch(progress);
        for (String path : relativePaths) {
            Optional<WalkEntry> found = walker.lookup(path);
            if (found.isEmpty() || found.get().kind() == WalkEntry.Kind.SYMLINK) {
                for (String gone : store.manifest().pathsAtOrUnder(path)) {
                    store.delete(gone);
                    batch.changed.incrementAndGet();
                }
                unreadable.remove(path);
            } else if (found.get().kind() == WalkEntry.Kind.FILE) {
                batch.submit(found.get(), store.manifest().get(path));
            } else {
                Map<String, Fingerprint> known = new HashMap<>();
                for (String inside : store.manifest().pathsAtOrUnder(path)) {
                    known.put(inside, store.manifest().get(inside).fingerprint());
                }
                ChangeSet changes = new ChangeSet(known);
                walk(walker, path, changes, batch, progress, null);
                batch.await();
                for (String gone : changes.deleted()) {
                    store.delete(gone);
                    batch.changed.incrementAndGet();
                }
            }
        }
        batch.await();
        store.refresh();
        return new Pass(batch.changed.get(), clock.millis() - start);
    }

    // Feeds every changed file to the batch; lists directories on pool when given (the visitor is thread-safe)
    private void walk(WorkspaceWalker walker, String from, ChangeSet changes, Batch batch, ProgressThrottle progress,
                      ForkJoinPool pool) throws IOException {
        WorkspaceWalker.Visitor visitor = new WorkspaceWalker.Visitor() {
            @Override
            public boolean visit(WalkEntry entry) {
                if (entry.kind() != WalkEntry.Kind.FILE) {
                    return true;
                }
                if (changes.offer(entry.path(), entry.fingerprint()) != ChangeSet.Change.UNCHANGED) {
                    try {
                        batch.submit(entry, store.manifest().get(entry.path()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                progress.report(Phase.WALK, changes.seen(), -1, entry.path());
                return true;
            }

            @Override
            public void problem(String relativePath, String message) {
                unreadable.put(relativePath, message);
            }
        };
        try {
            if (pool == null) {
                walker.walk(from, Integer.MAX_VALUE, visitor);
            } else {
                walker.walkConcurrently(from, visitor, pool);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Files in flight to the workers: a few per thread, and about {@value FileClassifier#MAX_TEXT_BYTES} bytes'
     * worth at most, since each file holds its bytes, its text and its document until written.
     */
    private final class Batch {
        private final int window = config.threads() * IN_FLIGHT_PER_THREAD + BIG_FILE_PERMITS;
        private final Semaphore permits = new Semaphore(window);
        private final ProgressThrottle progress;
        private final AtomicInteger submitted = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger parsed = new AtomicInteger();
        private final AtomicInteger changed = new AtomicInteger();
        private volatile IOException storeFailure;
        private final AtomicLong lastCommit = new AtomicLong(clock.millis());

        Batch(ProgressThrottle progress) {
            this.progress = progress;
        }

        void submit(WalkEntry entry, FileRecord previous) throws IOException {
            failIfStoreFailed();
            int cost = 1 + (int) (Math.min(entry.size(), FileClassifier.MAX_TEXT_BYTES) >> 20);
            try {
                permits.acquire(cost);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("indexing was interrupted");
            }
            submitted.incrementAndGet();
            try {
                workers.execute(() -> run(entry, previous, cost));
            } catch (RejectedExecutionException e) {
                permits.release(cost);
                throw new IOException("the index is closed", e);
            }
            long last = lastCommit.get();
            if (clock.millis() - last > COMMIT_EVERY_MILLIS && lastCommit.compareAndSet(last, clock.millis())) {
                // a long first pass keeps what it did so far if the process stops
                store.commit();
            }
        }

        private void run(WalkEntry entry, FileRecord previous, int cost) {
            String path = entry.path();
            try {
                FileIndexer.Outcome outcome = files.index(entry, previous);
                switch (outcome) {
                    case FileIndexer.Outcome.Indexed indexed -> {
                        store.put(path, indexed.documents(), indexed.record());
                        unreadable.remove(path);
                        changed.incrementAndGet();
                        if (indexed.record().has(FileRecord.PARSED)) {
                            progress.report(Phase.PARSE, parsed.incrementAndGet(), -1, path);
                        }
                    }
                    case FileIndexer.Outcome.Touched touched -> store.touch(path, touched.record());
                    case FileIndexer.Outcome.Failed failed -> {
                        unreadable.put(path, failed.message());
                        if (previous != null) {
                            store.delete(path);
                            changed.incrementAndGet();
                        }
                    }
                }
            } catch (IOException e) {
                storeFailure = e;
            } catch (RuntimeException e) {
                unreadable.put(path, "indexing failed: " + e);
            } finally {
                permits.release(cost);
                progress.report(Phase.READ, done.incrementAndGet(), submitted.get(), path);
            }
        }

        /** Waits for every file in flight. */
        void await() throws IOException {
            try {
                permits.acquire(window);
                permits.release(window);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("indexing was interrupted");
            }
            failIfStoreFailed();
        }

        private void failIfStoreFailed() throws IOException {
            IOException failure = storeFailure;
            if (failure != null) {
                throw new IOException("writing the index failed: " + failure.getMessage(), failure);
            }
        }
    }
}
