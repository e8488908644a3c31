package dev.daalu.indexer.bench;

import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Warm search latency over a query set, each query on the index and on {@code rg} in the same mode, with the
 * check that both count the same matching lines. rg runs over the same file set as the index: hidden files
 * included, {@code .git} left out, .gitignore honoured (the tree is a git repository).
 */
final class SearchBench {

    private static final List<String> RG = List.of("rg", "--hidden", "-g", "!.git", "--no-messages", "--null", "-c");
    private static final int PATHS_SHOWN = 5;

    private final RepoIndex index;
    private final Path root;
    private final int indexRepeats;
    private final int rgRepeats;
    private final List<Double> indexMillis = new ArrayList<>();
    private final List<Double> rgMillis = new ArrayList<>();

    SearchBench(RepoIndex index, int indexRepeats, int rgRepeats) {
        this.index = index;
        this.root = index.root();
        this.indexRepeats = indexRepeats;
        this.rgRepeats = rgRepeats;
    }

    /** Every timed index search, in milliseconds (warm-ups left out). */
    List<Double> indexMillis() {
        return indexMillis;
    }

    /** Every timed rg run, in milliseconds (warm-ups left out). */
    List<Double> rgMillis() {
        return rgMillis;
    }

    void run(BenchQueries queries, Report report) throws IOException, InterruptedException {
        for (BenchQueries.Query query : queries.queries()) {
            SearchQuery search = query.searchQuery();
            SearchResults results = index.search(search);
            if (results.error() != null) {
                report.note("query " + query.text() + " failed: " + results.error());
                continue;
            }
            List<Double> own = new ArrayList<>();
            for (int i = 0; i < indexRepeats; i++) {
                long start = System.nanoTime();
                results = index.search(search);
                own.add((System.nanoTime() - start) / 1e6);
            }
            List<String> command = new ArrayList<>(RG);
            command.addAll(query.rgArguments());
            command.add(".");
            Map<String, Long> rgCounts = counts(CommandRun.run(root, command, true).stdout());
            List<Double> theirs = new ArrayList<>();
            for (int i = 0; i < rgRepeats; i++) {
                theirs.add(CommandRun.run(root, command, false).wallNanos() / 1e6);
            }
            indexMillis.addAll(own);
            rgMillis.addAll(theirs);
            long rgTotal = rgCounts.values().stream().mapToLong(Long::longValue).sum();
            String note = results.filesMatched() == rgCounts.size() ? ""
                    : "files " + results.filesMatched() + " vs rg " + rgCounts.size();
            Report.QueryRow row = new Report.QueryRow(query.kind(), results.mode().name().toLowerCase(),
                    query.text(), results.totalMatches(), rgTotal, Stats.median(own), Stats.median(theirs), note);
            report.query(row);
            if (!row.totalsAgree() || !note.isEmpty()) {
                report.note("mismatch on '" + query.text() + "' (" + String.join(" ", command) + "): "
                        + differingPaths(search, rgCounts));
            }
        }
    }

    // rg -c --null prints "./path\0count\n" per file with at least one matching line (given the root as ".":
    // without a path rg would read its standard input, a pipe here)
    private static Map<String, Long> counts(byte[] output) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
            int nul = line.indexOf('\0');
            if (nul > 0) {
                counts.put(line.substring(line.startsWith("./") ? 2 : 0, nul), Long.parseLong(line.substring(nul + 1).strip()));
            }
        }
        return counts;
    }

    // The paths whose line counts differ, when the index can return every hit (at most 1000)
    private String differingPaths(SearchQuery search, Map<String, Long> rgCounts) throws IOException {
        SearchResults all = index.search(search.withMaxResults(SearchQuery.MAX_RESULTS_LIMIT).withContextLines(0));
        Map<String, Long> own = new TreeMap<>();
        all.hits().forEach(hit -> own.merge(hit.path(), 1L, Long::sum));
        Set<String> paths = new TreeSet<>(own.keySet());
        paths.addAll(rgCounts.keySet());
        List<String> differing = new ArrayList<>();
        for (String path : paths) {
            long mine = own.getOrDefault(path, 0L);
            long theirs = rgCounts.getOrDefault(path, 0L);
            if (mine != theirs && (!all.truncated() || mine == 0)) {
                differing.add(path + " index " + mine + " rg " + theirs);
            }
        }
        String scope = all.truncated() ? " (index hits capped at " + SearchQuery.MAX_RESULTS_LIMIT
                + ": showing files the index returned no hit for)" : "";
        String binary = all.binaryFilesMatched().isEmpty() ? ""
                : "; index binary matches: " + all.binaryFilesMatched().size();
        return differing.size() + " files differ" + scope + binary + ": "
                + String.join(", ", differing.subList(0, Math.min(PATHS_SHOWN, differing.size())));
    }
}
