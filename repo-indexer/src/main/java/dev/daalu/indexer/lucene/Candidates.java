package dev.daalu.indexer.lucene;

import dev.daalu.indexer.search.Formula;
import dev.daalu.indexer.search.SearchPlan;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The documents a search must verify: those whose trigrams satisfy the plan's {@link Formula} (plus any
 * marked {@value IndexFields#SCAN_ALL}), inside the glob, in index order, each with its file score:
 * {@code (1 + 2 x query words among the file's defined names + 1 x query words in its path)}, halved for
 * vendored or generated code and times 0.7 for tests. Constant-score clauses keep the score independent of
 * index statistics, so equal inputs rank alike whatever the segment layout.
 */
final class Candidates {

    private static final float DEFINED_WORD_BOOST = 2;
    private static final float PATH_WORD_BOOST = 1;
    private static final double VENDORED_FACTOR = 0.5;
    private static final double TEST_FACTOR = 0.7;

    /** A text file (or chunk of one) the index pre-selected. */
    record Candidate(int leaf, int doc, int globalDoc, String path, int firstLine, double score) { }

    private Candidates() {
    }

    /** Searchable documents (text files and chunks) that may match the plan. */
    static List<Candidate> text(IndexSearcher searcher, SearchPlan plan) throws IOException {
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
        return searcher.search(query.build(), new Collector(plan).manager());
    }

    /** Binary files whose byte trigrams satisfy the plan's formula, which must not be {@link Formula#ALL}. */
    static List<Candidate> binary(IndexSearcher searcher, SearchPlan plan) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, FileRecord.Kind.BINARY.name())), BooleanClause.Occur.FILTER)
                .add(toQuery(plan.candidates(), IndexFields.BINARY_TRIGRAMS), BooleanClause.Occur.FILTER)
                .build();
        return searcher.search(query, new Collector(plan).manager());
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

    /** Collects every match with its file score, dropping paths outside the glob. */
    private static final class Collector extends SimpleCollector {
        private final SearchPlan plan;
        private final List<Candidate> candidates = new ArrayList<>();
        private Scorable scorer;
        private LeafReaderContext leaf;
        private SortedDocValues paths;
        private NumericDocValues flags;
        private NumericDocValues firstLines;

        Collector(SearchPlan plan) {
            this.plan = plan;
        }

        CollectorManager<Collector, List<Candidate>> manager() {
            return new CollectorManager<>() {
                @Override
                public Collector newCollector() {
                    return Collector.this;
                }

                @Override
                public List<Candidate> reduce(Collection<Collector> collectors) {
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
}
