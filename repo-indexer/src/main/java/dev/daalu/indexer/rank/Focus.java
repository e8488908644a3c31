package dev.daalu.indexer.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a map request's focus strings mean in a graph. Each string is, in this order of preference:
 * a file's path (that file); a directory (its files); an identifier, exactly ({@code var.region}), or as
 * the last segment of one ({@code logs} for {@code aws_s3_bucket.logs}, {@code web} for
 * {@code Deployment/web}), meaning the files that define it, whose links are boosted too. Strings that
 * match nothing are ignored.
 *
 * @param files focused files (deduplicated, in request order)
 * @param names focused identifiers by name id, or null when none
 */
record Focus(int[] files, boolean[] names) {

    boolean isEmpty() {
        return files.length == 0 && names == null;
    }

    static Focus resolve(SymbolGraph graph, Map<String, Integer> fileIds, List<String> focus) {
        Set<Integer> files = new LinkedHashSet<>();
        boolean[] names = null;
        for (String raw : focus) {
            String item = normalise(raw);
            if (item.isEmpty()) {
                continue;
            }
            Integer file = fileIds.get(item);
            if (file != null) {
                files.add(file);
                continue;
            }
            List<Integer> inDirectory = filesUnder(graph, item + "/");
            if (!inDirectory.isEmpty()) {
                files.addAll(inDirectory);
                continue;
            }
            for (int name : namesFor(graph, raw.strip())) {
                if (names == null) {
                    names = new boolean[graph.nameCount()];
                }
                names[name] = true;
                for (int d = graph.nameDefinitionStart(name); d < graph.nameDefinitionStart(name + 1); d++) {
                    files.add(graph.definitionFile(d));
                }
            }
        }
        return new Focus(files.stream().mapToInt(Integer::intValue).toArray(), names);
    }

    /**
     * Where PageRank's jumps land: {@link RankWeights#focusShare()} on the focused files, a part of that
     * ({@link RankWeights#focusNeighbourShare()}) on the files linking to them, the rest spread evenly.
     */
    double[] jump(SymbolGraph graph, RankWeights weights) {
        int n = graph.fileCount;
        double[] jump = new double[n];
        if (files.length == 0) {
            Arrays.fill(jump, 1.0 / n);
            return jump;
        }
        boolean[] focused = new boolean[n];
        for (int file : files) {
            focused[file] = true;
        }
        List<Integer> neighbours = new ArrayList<>();
        EdgeList edges = graph.edges();
        for (int source = 0; source < n; source++) {
            for (int e = edges.start(source); e < edges.start(source + 1) && !focused[source]; e++) {
                if (focused[edges.target(e)]) {
                    neighbours.add(source);
                    break;
                }
            }
        }
        double toNeighbours = neighbours.isEmpty() ? 0 : weights.focusShare() * weights.focusNeighbourShare();
        Arrays.fill(jump, (1 - weights.focusShare()) / n);
        for (int file : files) {
            jump[file] += (weights.focusShare() - toNeighbours) / files.length;
        }
        for (int file : neighbours) {
            jump[file] += toNeighbours / neighbours.size();
        }
        return jump;
    }

    private static String normalise(String raw) {
        String item = raw.strip();
        while (item.startsWith("./")) {
            item = item.substring(2);
        }
        while (item.endsWith("/")) {
            item = item.substring(0, item.length() - 1);
        }
        return item;
    }

    private static List<Integer> filesUnder(SymbolGraph graph, String prefix) {
        List<Integer> out = new ArrayList<>();
        for (int f = 0; f < graph.fileCount; f++) {
            if (graph.path(f).startsWith(prefix)) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<Integer> namesFor(SymbolGraph graph, String identifier) {
        if (identifier.isEmpty()) {
            return List.of();
        }
        int exact = graph.nameId(identifier);
        if (exact >= 0 && graph.nameDefinitionStart(exact) < graph.nameDefinitionStart(exact + 1)) {
            return List.of(exact);
        }
        List<Integer> out = new ArrayList<>();
        for (int n = 0; n < graph.nameCount(); n++) {
            String name = graph.name(n);
            if (name.length() > identifier.length() && name.endsWith(identifier)
                    && ".:/".indexOf(name.charAt(name.length() - identifier.length() - 1)) >= 0
                    && graph.nameDefinitionStart(n) < graph.nameDefinitionStart(n + 1)) {
                out.add(n);
            }
        }
        return out;
    }
}
