package dev.daalu.indexer.lucene;

import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;
import dev.daalu.indexer.SearchResults.SearchHit;
import dev.daalu.indexer.lucene.Candidates.Candidate;
import dev.daalu.indexer.search.Deadline;
import dev.daalu.indexer.search.LineMatcher;
import dev.daalu.indexer.search.SearchPlan;
import dev.daalu.indexer.search.TopHits;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Runs a {@link SearchPlan} against the store: {@link Candidates} selects what may match, every candidate's
 * stored text is verified line by line (in parallel slices when there are many), every matching line is
 * counted, and only the best {@code maxResults} become hits, with their context. Thread-safe.
 */
public final class IndexSearch {

    /** A regular expression that has not finished after this long is abandoned (see {@link Deadline}). */
    public static final long REGEX_TIME_LIMIT_SECONDS = 20;
    /** Hit lines longer than this are cut around the match; context lines are cut at their end. */
    public static final int MAX_LINE_CHARS = 300;
    private static final int CUT_BEFORE_MATCH = 80;

    /** Fewer candidates than this per thread are verified on the calling thread. */
    private static final int MIN_CANDIDATES_PER_TASK = 64;

    private final Path root;
    private final LuceneStore store;
    private final ExecutorService pool;
    private final int parallelism;
    private final LongSupplier nanoClock;

    /**
     * @param realRoot the workspace (binary files are checked there, since their bytes are not stored)
     * @param pool runs verification of large candidate sets in {@code parallelism} slices
     * @param nanoClock a monotonic clock (regex time limit, timings)
     */
    public IndexSearch(Path realRoot, LuceneStore store, ExecutorService pool, int parallelism, LongSupplier nanoClock) {
        this.root = realRoot;
        this.store = store;
        this.pool = pool;
        this.parallelism = parallelism;
        this.nanoClock = nanoClock;
    }

    /** Daemon threads for {@link IndexSearch}, which end when idle. */
    public static ExecutorService searchPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "daalu-search-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public SearchResults search(SearchQuery query) throws IOException {
        long started = nanoClock.getAsLong();
        SearchPlan plan;
        try {
            plan = SearchPlan.of(query, Deadline.after(TimeUnit.SECONDS.toNanos(REGEX_TIME_LIMIT_SECONDS), nanoClock));
        } catch (SearchPlan.InvalidQuery e) {
            return SearchResults.failed(query.mode(), e.getMessage());
        }
        try {
            return store.withSearcher(searcher -> run(searcher, query, plan, started));
        } catch (Deadline.Expired e) {
            return SearchResults.failed(plan.mode(), "The regular expression took longer than "
                    + REGEX_TIME_LIMIT_SECONDS + " s to check; make it more specific: a literal part lets the index "
                    + "narrow the files, and nested repetition such as (a+)+ makes the engine backtrack");
        }
    }

    private SearchResults run(IndexSearcher searcher, SearchQuery query, SearchPlan plan, long started)
            throws IOException {
        List<Candidate> candidates = Candidates.text(searcher, plan);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int slices = Math.max(1, Math.min(parallelism, candidates.size() / MIN_CANDIDATES_PER_TASK));
        List<Verifier> verifiers = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            List<Candidate> slice = candidates.subList(i * candidates.size() / slices, (i + 1) * candidates.size() / slices);
            Verifier verifier = new Verifier(plan.matcher(), leaves, query.maxResults());
            verifiers.add(verifier);
            if (i < slices - 1) {
                running.add(pool.submit(() -> {
                    verifier.verify(slice);
                    return null;
                }));
            } else {
                verifier.verify(slice);
            }
        }
        awaitAll(running);
        TopHits top = new TopHits(query.maxResults());
        long total = 0;
        Set<String> matchedPaths = new HashSet<>();
        for (Verifier verifier : verifiers) {
            verifier.top.bestFirst().forEach(top::offer);
            total += verifier.total;
            matchedPaths.addAll(verifier.matchedPaths);
        }
        int files = matchedPaths.size();
        List<SearchHit> hits = materialise(top.bestFirst(), leaves, query.contextLines());
        List<String> binaries = BinaryMatches.find(searcher, plan, root);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - started);
        return new SearchResults(plan.mode(), hits, total, files, total > hits.size(), binaries, null,
                candidates.size(), tookMillis);
    }


    private static void awaitAll(List<Future<?>> running) throws IOException {
        try {
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the search was interrupted");
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /** Verifies one slice of the candidates (in index order) with its own readers; counts and keeps a top. */
    private static final class Verifier {
        private final LineMatcher matcher;
        private final List<LeafReaderContext> leaves;
        private final TopHits top;
        // a long file's chunks may fall in different slices, so files are counted by path
        private final Set<String> matchedPaths = new HashSet<>();
        private long total;

        Verifier(LineMatcher matcher, List<LeafReaderContext> leaves, int maxResults) {
            this.matcher = matcher;
            this.leaves = leaves;
            this.top = new TopHits(maxResults);
        }

        void verify(List<Candidate> slice) throws IOException {
            int leafOrd = -1;
            BinaryDocValues contents = null;
            BinaryDocValues definitions = null;
            for (Candidate candidate : slice) {
                if (candidate.leaf() != leafOrd) {
                    leafOrd = candidate.leaf();
                    contents = DocValues.getBinary(leaves.get(leafOrd).reader(), IndexFields.CONTENT);
                    definitions = DocValues.getBinary(leaves.get(leafOrd).reader(), IndexFields.DEFINITIONS);
                }
                FileScan scan = new FileScan(candidate, matcher, definitions, top);
                matcher.scan(text(contents, candidate.doc()), scan);
                if (scan.matches > 0) {
                    total += scan.matches;
                    matchedPaths.add(candidate.path());
                }
            }
        }
    }

    /** Counts one file's matching lines and offers them to the top; knows which lines define the query. */
    private static final class FileScan implements LineMatcher.LineVisitor {
        private final Candidate candidate;
        private final LineMatcher matcher;
        private final BinaryDocValues definitions;
        private final TopHits top;
        private Set<Integer> definitionLines;
        private int matches;

        FileScan(Candidate candidate, LineMatcher matcher, BinaryDocValues definitions, TopHits top) {
            this.candidate = candidate;
            this.matcher = matcher;
            this.definitions = definitions;
            this.top = top;
        }

        @Override
        public boolean onLine(int chunkLine, int lineStart, int lineEnd, int matchStart) {
            matches++;
            int lineNumber = candidate.firstLine() + chunkLine - 1;
            // a hit the top would refuse even as a definition (they rank first) needs no definition lookup
            if (!top.accepts(true, candidate.score(), candidate.path(), lineNumber)) {
                return true;
            }
            boolean definition = definitionLines().contains(lineNumber);
            if (top.accepts(definition, candidate.score(), candidate.path(), lineNumber)) {
                top.offer(new TopHits.Candidate(candidate.globalDoc(), candidate.path(), lineNumber, lineStart, lineEnd,
                        matchStart, definition, candidate.score()));
            }
            return true;
        }

        // Read on the first hit that could enter the top: most candidates of a selective query have none
        private Set<Integer> definitionLines() {
            if (definitionLines == null) {
                definitionLines = new HashSet<>();
                try {
                    if (definitions.advanceExact(candidate.doc())) {
                        String lines = IndexFields.utf8(definitions.binaryValue());
                        for (int start = 0, end; start < lines.length(); start = end + 1) {
                            end = lines.indexOf('\n', start);
                            int tab = lines.indexOf('\t', start);
                            if (end < 0 || tab < 0 || tab > end) {
                                break;
                            }
                            if (matcher.matchesIn(lines.substring(tab + 1, end))) {
                                definitionLines.add(Integer.parseInt(lines, start, tab, 10));
                            }
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // no definitions known for this file: its hits rank as plain matches
                }
            }
            return definitionLines;
        }
    }

    // Doc values iterate forward: callers visit a leaf's documents in increasing order
    private static String text(BinaryDocValues contents, int doc) throws IOException {
        if (!contents.advanceExact(doc)) {
            return "";
        }
        BytesRef utf8 = contents.binaryValue();
        return new String(utf8.bytes, utf8.offset, utf8.length, StandardCharsets.UTF_8);
    }

    private static List<SearchHit> materialise(List<TopHits.Candidate> best, List<LeafReaderContext> leaves,
                                               int contextLines) throws IOException {
        Map<Integer, String> texts = new LinkedHashMap<>();
        List<SearchHit> hits = new ArrayList<>(best.size());
        for (TopHits.Candidate c : best) {
            String text = texts.get(c.doc());
            if (text == null) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(c.doc(), leaves));
                text = text(DocValues.getBinary(leaf.reader(), IndexFields.CONTENT), c.doc() - leaf.docBase);
                texts.put(c.doc(), text);
            }
            int column = text.codePointCount(c.lineStart(), c.matchStart()) + 1;
            hits.add(new SearchHit(c.path(), c.line(), column, cutAround(text, c.lineStart(), c.lineEnd(), c.matchStart()),
                    linesBefore(text, c.lineStart(), contextLines), linesAfter(text, c.lineEnd(), contextLines),
                    c.definition(), c.score()));
        }
        return hits;
    }

    // The line as shown: without a CRLF file's '\r' (it still counts for matching, as in rg), cut when long
    static String cutAround(String text, int start, int lineEnd, int match) {
        int end = lineEnd > start && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
        if (end - start <= MAX_LINE_CHARS) {
            return text.substring(start, end);
        }
        int from = Math.max(start, Math.min(match - CUT_BEFORE_MATCH, end - MAX_LINE_CHARS));
        int to = Math.min(end, from + MAX_LINE_CHARS);
        return (from > start ? "…" : "") + text.substring(from, to) + (to < end ? "…" : "");
    }

    private static List<String> linesBefore(String text, int lineStart, int count) {
        List<String> lines = new ArrayList<>();
        int end = lineStart - 1;
        for (int i = 0; i < count && end >= 0; i++) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            lines.add(0, cutAround(text, start, end, start));
            end = start - 1;
        }
        return lines;
    }

    private static List<String> linesAfter(String text, int lineEnd, int count) {
        List<String> lines = new ArrayList<>();
        int start = lineEnd + 1;
        for (int i = 0; i < count && start < text.length(); i++) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            lines.add(cutAround(text, start, end, start));
            start = end + 1;
        }
        return lines;
    }
}
