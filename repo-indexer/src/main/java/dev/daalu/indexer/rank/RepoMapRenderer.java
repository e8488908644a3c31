package dev.daalu.indexer.rank;

import dev.daalu.indexer.RepoMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Renders ranked definitions as a repo map that fits a token budget:
 * <pre>
 * modules/s3/main.tf
 *   3: resource "aws_s3_bucket" "logs" {
 *   12: variable "region" {
 * </pre>
 * Files come most important first, each with its chosen definitions in line order. How many definitions
 * is found by binary search: the most, best first, whose map fits {@code maxTokens}; then later
 * definitions that still fit in what is left are added. What budget remains then goes to the paths of
 * further files by rank, and last to files skipped for parsing, by path with
 * their reason ({@code (skipped: minified)}), which may take at most {@value #SKIPPED_SHARE_PERCENT}% of the
 * budget. The estimate of the returned text never exceeds {@code maxTokens}.
 *
 * <p>Thread-safe if its estimator is.
 */
final class RepoMapRenderer {

    static final int SKIPPED_SHARE_PERCENT = 5;
    private static final String INDENT = "  ";
    private static final int MAX_FILL_ATTEMPTS = 2000;

    private final TokenEstimator estimator;

    RepoMapRenderer(TokenEstimator estimator) {
        this.estimator = estimator;
    }

    /**
     * @param fileRank per file of {@code graph}; orders files
     * @param scores per definition of {@code graph}; chooses definitions
     */
    RepoMap render(SymbolGraph graph, double[] fileRank, double[] scores, int maxTokens) {
        Integer[] fileOrder = fileOrder(graph, fileRank);
        int[] position = new int[graph.fileCount];
        for (int i = 0; i < fileOrder.length; i++) {
            position[fileOrder[i]] = i;
        }
        int[] best = topDefinitions(graph, scores, Math.min(graph.definitionCount(), maxTokens));
        int low = 0;
        int high = best.length;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (estimator.estimate(layout(graph, Arrays.copyOf(best, mid), position).text()) <= maxTokens) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        Layout layout = fill(graph, best, low, position, maxTokens);
        StringBuilder text = new StringBuilder(layout.text());
        List<RepoMap.MapFile> files = new ArrayList<>(layout.files(graph, fileRank));
        int tokens = estimator.estimate(text);
        boolean[] shown = layout.shownFiles(graph);
        int appended = 0;
        int skippedBudget = maxTokens * SKIPPED_SHARE_PERCENT / 100;
        for (boolean skippedPass : new boolean[] {false, true}) {
            for (int file : fileOrder) {
                String reason = graph.skippedReason(file);
                if (shown[file] || (reason != null) != skippedPass) {
                    continue;
                }
                String line = graph.path(file) + (reason == null ? "" : " (skipped: " + reason + ")") + "\n";
                int cost = estimator.estimate(line);
                if (tokens + cost > maxTokens || (skippedPass && cost > skippedBudget)) {
                    if (skippedPass) {
                        break;
                    }
                    continue;
                }
                text.append(line);
                tokens += cost;
                skippedBudget -= skippedPass ? cost : 0;
                files.add(new RepoMap.MapFile(graph.path(file), fileRank[file], List.of(), reason));
                shown[file] = true;
                appended++;
            }
        }
        // a non-additive estimator may count a whole text above the sum of its lines: drop appended paths
        while (appended > 0 && estimator.estimate(text) > maxTokens) {
            files.removeLast();
            text.setLength(text.lastIndexOf("\n", text.length() - 2) + 1);
            appended--;
        }
        String result = files.isEmpty() ? "" : text.toString();
        return new RepoMap(result, estimator.estimate(result), maxTokens, files, graph.fileCount);
    }

    // files by rank (highest first), then path, so equal ranks still come out the same every time
    private static Integer[] fileOrder(SymbolGraph graph, double[] fileRank) {
        Integer[] order = new Integer[graph.fileCount];
        for (int f = 0; f < order.length; f++) {
            order[f] = f;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer f) -> -fileRank[f]).thenComparing(graph::path));
        return order;
    }

    /** The {@code k} best definitions by score (ties: earlier definition first), best first. */
    private static int[] topDefinitions(SymbolGraph graph, double[] scores, int k) {
        Comparator<Integer> better = Comparator.comparingDouble((Integer d) -> -scores[d]).thenComparingInt(d -> d);
        PriorityQueue<Integer> heap = new PriorityQueue<>(Math.max(1, k), better.reversed());
        for (int d = 0; d < graph.definitionCount() && k > 0; d++) {
            if (heap.size() < k) {
                heap.add(d);
            } else if (better.compare(d, heap.peek()) < 0) {
                heap.poll();
                heap.add(d);
            }
        }
        Integer[] sorted = heap.toArray(Integer[]::new);
        Arrays.sort(sorted, better);
        return Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The first {@code count} of {@code best}, plus whichever later ones still fit in what is left (a short
     * line further down may fit where the next one in rank order does not).
     */
    private Layout fill(SymbolGraph graph, int[] best, int count, int[] filePosition, int maxTokens) {
        Layout layout = layout(graph, Arrays.copyOf(best, count), filePosition);
        int tokens = estimator.estimate(layout.text());
        boolean[] shown = layout.shownFiles(graph);
        int[] chosen = Arrays.copyOf(best, best.length);
        int size = count;
        for (int i = count; i < best.length && i < count + MAX_FILL_ATTEMPTS && tokens < maxTokens; i++) {
            int d = best[i];
            int file = graph.definitionFile(d);
            int cost = estimator.estimate(definitionLine(graph, d)) + (shown[file] ? 0 : estimator.estimate(graph.path(file) + "\n"));
            if (tokens + cost <= maxTokens) {
                chosen[size++] = d;
                tokens += cost;
                shown[file] = true;
            }
        }
        while (size > count) {
            Layout filled = layout(graph, Arrays.copyOf(chosen, size), filePosition);
            if (estimator.estimate(filled.text()) <= maxTokens) {
                return filled;
            }
            size--;
        }
        return layout;
    }

    private static String definitionLine(SymbolGraph graph, int d) {
        return INDENT + graph.definitionLine(d) + ": " + graph.definitionSignature(d) + "\n";
    }

    /** The map of {@code chosen} definitions, grouped by file in rank order. */
    private static Layout layout(SymbolGraph graph, int[] chosen, int[] filePosition) {
        Integer[] order = Arrays.stream(chosen).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer d) -> filePosition[graph.definitionFile(d)])
                .thenComparingInt(graph::definitionLine).thenComparingInt(d -> d));
        StringBuilder text = new StringBuilder();
        List<Integer> kept = new ArrayList<>(order.length);
        int lastFile = -1;
        int lastLine = -1;
        for (int d : order) {
            int file = graph.definitionFile(d);
            int line = graph.definitionLine(d);
            if (file != lastFile) {
                text.append(graph.path(file)).append('\n');
                lastFile = file;
                lastLine = -1;
            }
            if (line == lastLine) {
                // two definitions on one line (a C declaration list, an HCL label pair): the line shows once
                continue;
            }
            text.append(definitionLine(graph, d));
            kept.add(d);
            lastLine = line;
        }
        return new Layout(text.toString(), kept);
    }

    /** A rendered set of definitions. */
    private record Layout(String text, List<Integer> definitions) {

        List<RepoMap.MapFile> files(SymbolGraph graph, double[] fileRank) {
            List<RepoMap.MapFile> files = new ArrayList<>();
            List<RepoMap.MapEntry> entries = new ArrayList<>();
            int current = -1;
            for (int d : definitions) {
                int file = graph.definitionFile(d);
                if (file != current && current >= 0) {
                    files.add(new RepoMap.MapFile(graph.path(current), fileRank[current], entries, null));
                    entries = new ArrayList<>();
                }
                current = file;
                entries.add(new RepoMap.MapEntry(graph.definitionName(d), graph.definitionKind(d),
                        graph.definitionLine(d), graph.definitionSignature(d)));
            }
            if (current >= 0) {
                files.add(new RepoMap.MapFile(graph.path(current), fileRank[current], entries, null));
            }
            return files;
        }

        boolean[] shownFiles(SymbolGraph graph) {
            boolean[] shown = new boolean[graph.fileCount];
            for (int d : definitions) {
                shown[graph.definitionFile(d)] = true;
            }
            return shown;
        }
    }
}
