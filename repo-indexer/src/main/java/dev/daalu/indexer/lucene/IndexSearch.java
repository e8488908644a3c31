package dev.daalu.indexer.lucene;

import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;
import dev.daalu.indexer.SearchResults.SearchHit;
import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.Tag;
import dev.daalu.indexer.parse.TagCodec;
import dev.daalu.indexer.search.Deadline;
import dev.daalu.indexer.search.Formula;
import dev.daalu.indexer.search.LineMatcher;
import dev.daalu.indexer.search.SearchPlan;
import dev.daalu.indexer.search.TopHits;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * Runs a {@link SearchPlan} against the store: the trigram formula selects candidate text files (with a
 * file score from the words of their path and defined names), every candidate's stored text is verified
 * line by line, every matching line is counted, and only the best {@code maxResults} become hits.
 *
 * <p>File score: {@code (1 + 2 x query words among the file's defined names + 1 x query words in its path)},
 * halved for vendored or generated code and times 0.7 for tests. Thread-safe.
 */
public final class IndexSearch {

    /** A regular expression that has not finished after this long is abandoned (see {@link Deadline}). */
    public static final long REGEX_TIME_LIMIT_SECONDS = 20;
    /** Hit lines longer than this are cut around the match; context lines are cut at their end. */
    public static final int MAX_LINE_CHARS = 300;
    private static final int CUT_BEFORE_MATCH = 80;
    private static final float DEFINED_WORD_BOOST = 2;
    private static final float PATH_WORD_BOOST = 1;
    private static final double VENDORED_FACTOR = 0.5;
    private static final double TEST_FACTOR = 0.7;

    /** Fewer candidates than this per thread are verified on the calling thread. */
    private static final int MIN_CANDIDATES_PER_TASK = 64;

    /** At most this many binary files are named as matching a literal. */
    static final int MAX_BINARY_MATCHES = 20;

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
        List<Candidate> candidates = searcher.search(candidateQuery(plan), new CandidateCollector(plan).manager());
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
        List<String> binaries = binaryMatches(searcher, plan);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - started);
        return new SearchResults(plan.mode(), hits, total, files, total > hits.size(), binaries, null,
                candidates.size(), tookMillis);
    }

    // "Binary file matches": small binary files whose byte trigrams fit, checked on disk with the query's
    // matcher on their bytes read as Latin-1 (each byte one character, so ASCII text in them reads as itself)
    private List<String> binaryMatches(IndexSearcher searcher, SearchPlan plan) throws IOException {
        if (!plan.checksBinaries() || plan.candidates() instanceof Formula.All) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, FileRecord.Kind.BINARY.name())), BooleanClause.Occur.FILTER)
                .add(toQuery(plan.candidates(), IndexFields.BINARY_TRIGRAMS), BooleanClause.Occur.FILTER)
                .build();
        List<String> paths = new ArrayList<>();
        for (Candidate candidate : searcher.search(query, new CandidateCollector(plan).manager())) {
            paths.add(candidate.path);
        }
        paths.sort(null);
        List<String> matching = new ArrayList<>();
        for (String path : paths) {
            if (matching.size() >= MAX_BINARY_MATCHES) {
                break;
            }
            if (plan.matcher().matchesIn(new String(readSmall(root.resolve(path)), StandardCharsets.ISO_8859_1))) {
                matching.add(path);
            }
        }
        return matching;
    }

    private static byte[] readSmall(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), FileIndexer.BINARY_MATCH_MAX_BYTES));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // fill
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException gone) {
            return new byte[0];
        }
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
            StoredFields stored = null;
            BinaryDocValues tags = null;
            for (Candidate candidate : slice) {
                if (candidate.leaf != leafOrd) {
                    leafOrd = candidate.leaf;
                    stored = leaves.get(leafOrd).reader().storedFields();
                    tags = DocValues.getBinary(leaves.get(leafOrd).reader(), IndexFields.TAGS);
                }
                FileScan scan = new FileScan(candidate, matcher, tags, top);
                matcher.scan(content(stored, candidate.doc), scan);
                if (scan.matches > 0) {
                    total += scan.matches;
                    matchedPaths.add(candidate.path);
                }
            }
        }
    }

    /** Counts one file's matching lines and offers them to the top; knows which lines define the query. */
    private static final class FileScan implements LineMatcher.LineVisitor {
        private final Candidate candidate;
        private final LineMatcher matcher;
        private final BinaryDocValues tags;
        private final TopHits top;
        private Set<Integer> definitionLines;
        private int matches;

        FileScan(Candidate candidate, LineMatcher matcher, BinaryDocValues tags, TopHits top) {
            this.candidate = candidate;
            this.matcher = matcher;
            this.tags = tags;
            this.top = top;
        }

        @Override
        public boolean onLine(int chunkLine, int lineStart, int lineEnd, int matchStart) {
            matches++;
            int lineNumber = candidate.firstLine + chunkLine - 1;
            boolean definition = definitionLines().contains(lineNumber);
            if (top.accepts(definition, candidate.score, candidate.path, lineNumber)) {
                top.offer(new TopHits.Candidate(candidate.globalDoc, candidate.path, lineNumber, lineStart, lineEnd,
                        matchStart, definition, candidate.score));
            }
            return true;
        }

        // Decoded on the first match only: most candidates of a selective query have none
        private Set<Integer> definitionLines() {
            if (definitionLines == null) {
                definitionLines = new HashSet<>();
                try {
                    if (tags.advanceExact(candidate.doc)) {
                        FileTags fileTags = TagCodec.decode(BytesRef.deepCopyOf(tags.binaryValue()).bytes);
                        for (Tag tag : fileTags.tags()) {
                            if (tag.isDefinition() && matcher.matchesIn(tag.name())) {
                                definitionLines.add(tag.line());
                            }
                        }
                    }
                } catch (IOException | IllegalArgumentException e) {
                    // no definitions known for this file: its hits rank as plain matches
                }
            }
            return definitionLines;
        }
    }

    private static Query candidateQuery(SearchPlan plan) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.SEARCHABLE, IndexFields.SEARCHABLE_YES)), BooleanClause.Occur.FILTER);
        if (!(plan.candidates() instanceof Formula.All)) {
            query.add(new BooleanQuery.Builder()
                    .add(toQuery(plan.candidates(), IndexFields.TRIGRAMS), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(IndexFields.SCAN, IndexFields.SCAN_ALL)), BooleanClause.Occur.SHOULD)
                    .build(), BooleanClause.Occur.FILTER);
        }
        for (String word : new LinkedHashSet<>(plan.words())) {
            query.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.DEF_WORDS, word))),
                    DEFINED_WORD_BOOST), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.PATH_WORDS, word))),
                    PATH_WORD_BOOST), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static Query toQuery(Formula formula, String field) {
        return switch (formula) {
            case Formula.All all -> throw new IllegalStateException("ALL is never nested");
            case Formula.Trigram trigram -> new TermQuery(new Term(field, trigram.gram()));
            case Formula.And and -> combine(and.parts(), BooleanClause.Occur.FILTER, field);
            case Formula.Or or -> combine(or.parts(), BooleanClause.Occur.SHOULD, field);
        };
    }

    private static Query combine(Collection<Formula> parts, BooleanClause.Occur occur, String field) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Formula part : parts) {
            builder.add(toQuery(part, field), occur);
        }
        return builder.build();
    }

    /** A text file (or chunk of one) the index pre-selected, in index order. */
    private record Candidate(int leaf, int doc, int globalDoc, String path, int firstLine, double score) { }

    /** Collects every candidate with its file score, dropping paths outside the glob. */
    private static final class CandidateCollector extends SimpleCollector {
        private final SearchPlan plan;
        private final List<Candidate> candidates = new ArrayList<>();
        private Scorable scorer;
        private LeafReaderContext leaf;
        private SortedDocValues paths;
        private NumericDocValues flags;
        private NumericDocValues firstLines;

        CandidateCollector(SearchPlan plan) {
            this.plan = plan;
        }

        CollectorManager<CandidateCollector, List<Candidate>> manager() {
            return new CollectorManager<>() {
                @Override
                public CandidateCollector newCollector() {
                    return CandidateCollector.this;
                }

                @Override
                public List<Candidate> reduce(Collection<CandidateCollector> collectors) {
                    return candidates;
                }
            };
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            leaf = context;
            paths = DocValues.getSorted(context.reader(), IndexFields.PATH);
            flags = DocValues.getNumeric(context.reader(), IndexFields.FLAGS);
            firstLines = DocValues.getNumeric(context.reader(), IndexFields.FIRST_LINE);
        }

        @Override
        public void setScorer(Scorable scorable) {
            this.scorer = scorable;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (!paths.advanceExact(doc)) {
                return;
            }
            String path = IndexFields.utf8(paths.lookupOrd(paths.ordValue()));
            if (plan.glob() != null && !plan.glob().matches(path)) {
                return;
            }
            int fileFlags = flags.advanceExact(doc) ? (int) flags.longValue() : 0;
            double score = 1 + scorer.score();
            if ((fileFlags & FileRecord.VENDORED) != 0) {
                score *= VENDORED_FACTOR;
            }
            if ((fileFlags & FileRecord.TEST) != 0) {
                score *= TEST_FACTOR;
            }
            int firstLine = firstLines.advanceExact(doc) ? (int) firstLines.longValue() : 1;
            candidates.add(new Candidate(leaf.ord, doc, leaf.docBase + doc, path, firstLine, score));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }

    // The stored text is a text document's only stored field
    private static String content(StoredFields stored, int doc) throws IOException {
        String[] text = {""};
        stored.document(doc, new StoredFieldVisitor() {
            @Override
            public void binaryField(FieldInfo fieldInfo, byte[] value) throws IOException {
                text[0] = ContentCodec.decode(value, 0, value.length);
            }

            @Override
            public Status needsField(FieldInfo fieldInfo) {
                return fieldInfo.name.equals(IndexFields.CONTENT) ? Status.YES : Status.NO;
            }
        });
        return text[0];
    }

    private static List<SearchHit> materialise(List<TopHits.Candidate> best, List<LeafReaderContext> leaves,
                                               int contextLines) throws IOException {
        Map<Integer, String> texts = new LinkedHashMap<>();
        List<SearchHit> hits = new ArrayList<>(best.size());
        for (TopHits.Candidate c : best) {
            String text = texts.get(c.doc());
            if (text == null) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(c.doc(), leaves));
                text = content(leaf.reader().storedFields(), c.doc() - leaf.docBase);
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
