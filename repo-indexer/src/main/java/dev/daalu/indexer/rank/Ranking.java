package dev.daalu.indexer.rank;

import dev.daalu.indexer.RepoMapRequest;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The ranking of one graph for one focus: file ranks (test files scaled down), a score per definition,
 * and both orders the renderer walks, files best first and the best definitions best first (at most
 * {@link RepoMapRequest#MAX_TOKENS}, as no map shows more definitions than it has tokens).
 *
 * <p>Focused files, and the definitions of focused identifiers, come before everything else: ranks sum
 * to 1, so adding 1 puts them first and keeps their order among themselves (PageRank alone ranks the files
 * a focused file depends on above it). Immutable once built; an unfocused ranking is cached per graph.
 */
record Ranking(double[] fileRank, double[] scores, int[] fileOrder, int[] bestDefinitions) {

    static Ranking of(SymbolGraph graph, Focus focus, RankWeights weights) {
        PageRank.Boost boost = PageRank.boost(graph, focus.names(), weights);
        double[] rank = PageRank.rank(graph, focus.jump(graph, weights), boost, weights);
        double[] scores = DefinitionRanker.scores(graph, rank, boost, weights);
        double[] fileRank = rank.clone();
        boolean[] focused = new boolean[graph.fileCount];
        for (int file : focus.files()) {
            focused[file] = true;
        }
        for (int f = 0; f < fileRank.length; f++) {
            if (graph.isTestFile(f)) {
                fileRank[f] *= weights.testFileFactor();
            }
            if (focused[f]) {
                fileRank[f] += 1;
            }
        }
        if (!focus.isEmpty()) {
            for (int d = 0; d < scores.length; d++) {
                if (focused[graph.definitionFile(d)]) {
                    scores[d] += 1;
                }
                if (focus.names() != null && focus.names()[graph.definitionNameId(d)]) {
                    scores[d] += 1;
                }
            }
        }
        return new Ranking(fileRank, scores, fileOrder(graph, fileRank), best(scores, RepoMapRequest.MAX_TOKENS));
    }

    // files by rank (highest first), then path (file ids follow the source's path order), so equal ranks
    // still come out the same every time
    private static int[] fileOrder(SymbolGraph graph, double[] fileRank) {
        Integer[] order = new Integer[graph.fileCount];
        for (int f = 0; f < order.length; f++) {
            order[f] = f;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer f) -> -fileRank[f]).thenComparingInt(f -> f));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** The {@code k} (or all, if fewer) best definitions by score (ties: lower index first), best first. */
    static int[] best(double[] scores, int most) {
        int k = Math.min(most, scores.length);
        if (k == 0) {
            return new int[0];
        }
        double threshold = kthLargest(scores.clone(), k);
        int above = 0;
        for (double score : scores) {
            if (score > threshold) {
                above++;
            }
        }
        Integer[] chosen = new Integer[k];
        int n = 0;
        int ties = k - above;
        for (int d = 0; d < scores.length && n < k; d++) {
            if (scores[d] > threshold || (scores[d] == threshold && ties-- > 0)) {
                chosen[n++] = d;
            }
        }
        Arrays.sort(chosen, Comparator.comparingDouble((Integer d) -> -scores[d]).thenComparingInt(d -> d));
        return Arrays.stream(chosen).mapToInt(Integer::intValue).toArray();
    }

    // quickselect: the k-th largest value (1-based) of values, which it reorders
    private static double kthLargest(double[] values, int k) {
        int target = values.length - k;
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }
}
