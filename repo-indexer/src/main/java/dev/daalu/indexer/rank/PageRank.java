package dev.daalu.indexer.rank;

import java.util.Arrays;

/**
 * Personalised PageRank over a {@link SymbolGraph}'s file edges, by power iteration. A file without
 * out-edges (dangling) hands its rank to the jump distribution, so ranks always sum to 1.
 *
 * <p>Focused identifiers: their links weigh {@link RankWeights#focusIdentifierBoost()} times more. The
 * extra weight goes in as a second, small edge list on top of the cached graph instead of a rebuild.
 * Stateless and thread-safe.
 */
final class PageRank {

    private PageRank() {
    }

    /**
     * @param jump where a random jump lands (sums to 1); personalisation towards focused files
     * @param boost extra edges for focused identifiers, from {@link #boost}
     */
    static double[] rank(SymbolGraph graph, double[] jump, Boost boost, RankWeights weights) {
        int n = graph.fileCount;
        EdgeList edges = graph.edges();
        double damping = weights.damping();
        double[] rank = jump.clone();
        double[] next = new double[n];
        for (int iteration = 0; iteration < weights.iterations(); iteration++) {
            Arrays.fill(next, 0);
            double dangling = 0;
            for (int source = 0; source < n; source++) {
                double out = boost.outWeight[source];
                if (out <= 0) {
                    dangling += rank[source];
                    continue;
                }
                double share = damping * rank[source] / out;
                for (int e = edges.start(source); e < edges.start(source + 1); e++) {
                    next[edges.target(e)] += share * edges.weight(e);
                }
                for (int e = boost.extra.start(source); e < boost.extra.start(source + 1); e++) {
                    next[boost.extra.target(e)] += share * boost.extra.weight(e);
                }
            }
            double jumpMass = (1 - damping) + damping * dangling;
            double change = 0;
            for (int f = 0; f < n; f++) {
                next[f] += jumpMass * jump[f];
                change += Math.abs(next[f] - rank[f]);
            }
            double[] swap = rank;
            rank = next;
            next = swap;
            if (change < weights.tolerance()) {
                break;
            }
        }
        return rank;
    }

    /** The extra edges and out-weights that boost the links of {@code names} (null or none: no boost). */
    static Boost boost(SymbolGraph graph, boolean[] names, RankWeights weights) {
        double[] out = new double[graph.fileCount];
        for (int f = 0; f < out.length; f++) {
            out[f] = graph.outWeight(f);
        }
        EdgeList extra = new EdgeList(graph.fileCount);
        double factor = weights.focusIdentifierBoost() - 1;
        if (names != null && factor > 0) {
            for (int source = 0; source < graph.fileCount; source++) {
                int from = source;
                for (int r = graph.referenceStart(source); r < graph.referenceStart(source + 1); r++) {
                    if (names[graph.referenceName(r)]) {
                        graph.forEachLink(source, graph.referenceName(r), graph.referenceCount(r), factor,
                                (target, weight, first, end) -> {
                                    extra.add(from, target, (float) weight);
                                    out[from] += weight;
                                });
                    }
                }
            }
        }
        return new Boost(extra.finish(), out, names, names == null ? 1 : weights.focusIdentifierBoost());
    }

    /**
     * Extra edges for focused identifiers and the out-weights including them.
     *
     * @param names which name ids are focused (null: none)
     * @param factor the multiplier of a focused name's links (1 when none)
     */
    record Boost(EdgeList extra, double[] outWeight, boolean[] names, double factor) {

        /** The multiplier of links of {@code name}. */
        double of(int name) {
            return names != null && names[name] ? factor : 1;
        }
    }
}
