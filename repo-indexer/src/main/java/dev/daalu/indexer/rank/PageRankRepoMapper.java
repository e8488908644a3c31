package dev.daalu.indexer.rank;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The repo map of aider, for infrastructure repositories: files are ranked by personalised PageRank
 * over the identifiers that link them ({@link SymbolGraph}), definitions by the rank that reaches them
 * ({@link DefinitionRanker}), and the best that fit the budget are rendered ({@link RepoMapRenderer}).
 *
 * <p>Caching: the graph, and the ranking of an unfocused map, are kept per {@link SymbolSource} and
 * {@link SymbolSource#generation()}. A second map of an unchanged repository reads no file and builds
 * no graph; a focused one only reruns PageRank.
 *
 * <p>Threading: thread-safe. Concurrent maps of a new generation build its graph once.
 */
public final class PageRankRepoMapper implements RepoMapper {

    private final RankWeights weights;
    private final RepoMapRenderer renderer;
    private final Object buildLock = new Object();
    private volatile Snapshot cached;

    public PageRankRepoMapper() {
        this(RankWeights.defaults(), TokenEstimator.qwenCode());
    }

    public PageRankRepoMapper(RankWeights weights, TokenEstimator estimator) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.renderer = new RepoMapRenderer(Objects.requireNonNull(estimator, "estimator"));
    }

    @Override
    public RepoMap map(SymbolSource source, RepoMapRequest request) throws IOException {
        Snapshot snapshot = snapshot(source);
        SymbolGraph graph = snapshot.graph;
        if (graph.fileCount == 0) {
            return new RepoMap("", 0, request.maxTokens(), java.util.List.of(), 0);
        }
        Focus focus = Focus.resolve(graph, snapshot.fileIds, request.focus());
        Ranking ranking = focus.isEmpty() ? snapshot.unfocused(weights) : Ranking.of(graph, focus, weights);
        return renderer.render(graph, ranking.fileRank, ranking.definitionScores, request.maxTokens());
    }

    private Snapshot snapshot(SymbolSource source) throws IOException {
        Snapshot current = cached;
        long generation = source.generation();
        if (current != null && current.source == source && current.generation == generation) {
            return current;
        }
        synchronized (buildLock) {
            current = cached;
            if (current != null && current.source == source && current.generation == generation) {
                return current;
            }
            SymbolGraphBuilder builder = new SymbolGraphBuilder(weights);
            source.forEachFile(builder::add);
            Snapshot built = new Snapshot(source, generation, builder.build());
            cached = built;
            return built;
        }
    }

    /** A graph for one generation of one source, and its unfocused ranking once computed. */
    private static final class Snapshot {
        final SymbolSource source;
        final long generation;
        final SymbolGraph graph;
        final Map<String, Integer> fileIds = new HashMap<>();
        private volatile Ranking unfocused;

        Snapshot(SymbolSource source, long generation, SymbolGraph graph) {
            this.source = source;
            this.generation = generation;
            this.graph = graph;
            for (int f = 0; f < graph.fileCount; f++) {
                fileIds.put(graph.path(f), f);
            }
        }

        Ranking unfocused(RankWeights weights) {
            Ranking result = unfocused;
            if (result == null) {
                synchronized (this) {
                    result = unfocused;
                    if (result == null) {
                        result = Ranking.of(graph, new Focus(new int[0], null), weights);
                        unfocused = result;
                    }
                }
            }
            return result;
        }
    }

    /**
     * File ranks (test files scaled down) and definition scores for one focus. Focused files, and the
     * definitions of focused identifiers, come before everything else (ranks sum to 1, so adding 1 puts
     * them first and keeps their order among themselves): PageRank alone would rank the files a focused
     * file depends on above it.
     */
    private record Ranking(double[] fileRank, double[] definitionScores) {

        static Ranking of(SymbolGraph graph, Focus focus, RankWeights weights) {
            PageRank.Boost boost = PageRank.boost(graph, focus.names(), weights);
            double[] rank = PageRank.rank(graph, focus.jump(graph, weights), boost, weights);
            double[] scores = DefinitionRanker.scores(graph, rank, boost, weights);
            double[] fileRank = rank.clone();
            for (int f = 0; f < fileRank.length; f++) {
                if (graph.isTestFile(f)) {
                    fileRank[f] *= weights.testFileFactor();
                }
            }
            boolean[] focused = new boolean[graph.fileCount];
            for (int file : focus.files()) {
                focused[file] = true;
                fileRank[file] += 1;
            }
            for (int d = 0; d < scores.length; d++) {
                if (focused[graph.definitionFile(d)]) {
                    scores[d] += 1;
                }
                if (focus.names() != null && focus.names()[graph.definitionNameId(d)]) {
                    scores[d] += 1;
                }
            }
            return new Ranking(fileRank, scores);
        }
    }
}
