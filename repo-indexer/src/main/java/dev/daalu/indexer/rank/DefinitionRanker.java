package dev.daalu.indexer.rank;

/**
 * Ranks definitions the way aider's repo map does: each file's PageRank flows out along its links in
 * proportion to their weight, and what reaches a file over the links of an identifier goes to that file's
 * definitions of it. A definition nobody references still gets a small share of its own file's rank
 * ({@link RankWeights#unreferencedDefinitionShare()}), and test files count {@link RankWeights#testFileFactor()}.
 *
 * <p>Stateless and thread-safe.
 */
final class DefinitionRanker {

    private DefinitionRanker() {
    }

    /** A score per definition of {@code graph}, in its definition order; higher is more important. */
    static double[] scores(SymbolGraph graph, double[] fileRank, PageRank.Boost boost, RankWeights weights) {
        double[] scores = new double[graph.definitionCount()];
        for (int source = 0; source < graph.fileCount; source++) {
            double out = boost.outWeight()[source];
            if (out <= 0) {
                continue;
            }
            double perWeight = fileRank[source] / out;
            for (int r = graph.referenceStart(source); r < graph.referenceStart(source + 1); r++) {
                int name = graph.referenceName(r);
                graph.forEachLink(source, name, graph.referenceCount(r), boost.of(name), (target, weight, first, end) -> {
                    for (int d = first; d < end; d++) {
                        scores[d] += perWeight * weight;
                    }
                });
            }
        }
        for (int d = 0; d < scores.length; d++) {
            int file = graph.definitionFile(d);
            scores[d] += fileRank[file] * weights.unreferencedDefinitionShare() / graph.definitionsIn(file);
            if (graph.isTestFile(file)) {
                scores[d] *= weights.testFileFactor();
            }
        }
        return scores;
    }
}
