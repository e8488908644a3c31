package dev.daalu.indexer.bench;

import dev.daalu.indexer.DirectoryListing;
import dev.daalu.indexer.IndexConfig;
import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.IndexStatus;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.RepoIndexer;
import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;
import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.SyntaxParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The repo-indexer benchmark of one codebase, beside baselines measured in the same run (bench/indexer/run.sh
 * runs it, one JVM per codebase; not a test).
 *
 * <p>Usage: {@code IndexBenchmark NAME ROOT QUERIES_TSV RESULTS_DIR}, ROOT being a git repository (no commit
 * needed). {@code -Dbench.repeats=N} (default 5) repeats the cheap measures (restart, edit, searches, maps);
 * {@code -Dbench.passes=N} (default 1) the full passes (cold index, text-only index, ctags). Medians are reported.
 *
 * <p>Order matters for memory: the cold full index runs first in this JVM, so its peak RSS is the index's alone;
 * the text-only pass runs last. The page cache is warm for every run: the file set is read once before anything
 * is timed. The tree is left as found (the edited file gets its bytes back).
 */
public final class IndexBenchmark {

    private static final long MIB = 1024 * 1024;

    private final String name;
    private final Path root;
    private final Path results;
    private final int repeats;
    private final int passes;
    private final Targets targets;
    private final Report report;
    private final List<Path> indexDirs = new ArrayList<>();
    private final StringBuilder peaks = new StringBuilder();
    private final StringBuilder split = new StringBuilder();

    private IndexBenchmark(String name, Path root, Path results, int repeats, int passes) {
        this.name = name;
        this.root = root;
        this.results = results;
        this.repeats = repeats;
        this.passes = passes;
        this.targets = Targets.forCodebase(name);
        this.report = new Report(name);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: IndexBenchmark NAME ROOT QUERIES_TSV RESULTS_DIR");
            System.exit(2);
        }
        IndexBenchmark bench = new IndexBenchmark(args[0], Path.of(args[1]).toRealPath(), Path.of(args[3]),
                Integer.getInteger("bench.repeats", 5), Integer.getInteger("bench.passes", 1));
        try {
            bench.run(BenchQueries.load(Path.of(args[2])));
        } finally {
            bench.deleteIndexDirs();
        }
        bench.report.print(System.out);
        bench.report.write(bench.results);
    }

    private void run(BenchQueries queries) throws IOException, InterruptedException {
        FileSet files = FileSet.of(root, results.resolve(name));
        if (!files.files().contains(queries.editPath())) {
            throw new IOException(queries.editPath() + " (the edit measure's file) is not in the file set");
        }
        report.fact("files (git ls-files, regular)", String.format("%,d (+ %d symlinks, not indexed)",
                files.files().size(), files.symlinks()));
        report.fact("bytes", String.format("%,d (%.1f MiB)", files.bytes(), files.bytes() / (double) MIB));
        report.fact("JVM max heap", (Runtime.getRuntime().maxMemory() / MIB) + " MiB, "
                + Runtime.getRuntime().availableProcessors() + " cpus");
        List<String> cat = List.of("bash", "-c", "xargs -0 cat < '" + files.nulList() + "' > /dev/null");
        CommandRun.run(root, cat, false);
        double catMillis = medianMillis(Math.min(repeats, 3), () -> CommandRun.run(root, cat, false).wallNanos());
        List<CommandRun> ctags = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            // tags to stdout, which is discarded: ctags cannot truncate /dev/null as a tag file ("-f /dev/null" fails)
            ctags.add(CommandRun.measured(root, List.of("ctags", "-L", files.lineList().toString(), "-f", "-")));
        }
        RepoIndex index = coldIndex(files, ctags);
        peak("cold index");
        index = restart(index);
        peak("restart");
        try {
            editToSearchable(index, queries.editPath());
            peak("edit");
            search(index, queries);
            peak("search");
            map(index);
            peak("map");
        } finally {
            index.close();
        }
        textOnly(catMillis);
        peak("text-only index");
        report.fact("peak RSS (VmHWM) after each phase, MiB", peaks.toString());
        report.fact("RSS at the end of each phase, anonymous + file-mapped, MiB", split.toString());
    }

    // VmHWM only grows: the first phase whose figure jumps is the one that needed the memory
    private void peak(String phase) throws IOException {
        peaks.append(peaks.isEmpty() ? "" : ", ").append(phase).append(' ').append(Memory.peakRssBytes() / MIB);
        // VmHWM counts the index's mapped files too: the split says how much is the process's own memory
        split.append(split.isEmpty() ? "" : ", ").append(phase).append(' ').append(Memory.anonymousRssBytes() / MIB)
                .append(" + ").append(Memory.fileRssBytes() / MIB);
    }

    private RepoIndex coldIndex(FileSet files, List<CommandRun> ctags) throws IOException {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        RepoIndex index = null;
        IndexStatus status = null;
        long peak = 0;
        for (int i = 0; i < passes; i++) {
            if (index != null) {
                index.close();
            }
            long cpuStart = Memory.processCpuNanos();
            long start = System.nanoTime();
            index = open(newIndexDir(), null);
            status = index.refresh(IndexListener.NONE);
            wall.add((System.nanoTime() - start) / 1e6);
            cpu.add((Memory.processCpuNanos() - cpuStart) / 1e6);
            peak = i == 0 ? Memory.peakRssBytes() : peak;
        }
        double ctagsWall = Stats.median(ctags.stream().map(r -> r.wallNanos() / 1e6).toList());
        double ctagsCpu = Stats.median(ctags.stream().map(r -> r.cpuSeconds() * 1000).toList());
        report.ratio("cold full index, wall", Stats.median(wall), ctagsWall, "ms", "ctags", Targets.FULL_INDEX_VS_CTAGS);
        report.ratio("cold full index, cpu (user+sys)", Stats.median(cpu), ctagsCpu, "ms", "ctags", Double.NaN);
        report.fact("index status", String.format("%,d files: %,d text, %,d binary, %,d parsed, %,d parse-skipped;"
                        + " %d problems", status.filesTotal(), status.textFiles(), status.binaryFiles(),
                status.parsedFiles(), status.parseSkipped(), status.problems().size()));
        status.problems().stream().limit(3).forEach(p -> report.note("index problem: " + p.path() + ": " + p.message()));
        compareFileSets(index, files, status);
        long ctagsRss = ctags.get(0).maxRssKb() * 1024;
        report.ratio("peak RSS (VmHWM) after the cold index", peak / (double) MIB, ctagsRss / (double) MIB, "MiB",
                "ctags", Double.NaN);
        if (!Double.isNaN(targets.peakRssBytes())) {
            report.limit("peak RSS against the target", peak / (double) MIB, "MiB", targets.peakRssBytes() / MIB);
        }
        System.gc();
        System.gc();
        report.fact("steady RSS (index open, idle, after GC)", (Memory.rssBytes() / MIB) + " MiB (heap used "
                + ((Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / MIB) + " MiB)");
        return index;
    }

    // The index counts what its walker admits; git's list should be the same set, less symbolic links
    private void compareFileSets(RepoIndex index, FileSet files, IndexStatus status) throws IOException {
        DirectoryListing listing = index.list("", Integer.MAX_VALUE, Integer.MAX_VALUE);
        Set<String> walked = new HashSet<>();
        listing.entries().stream().filter(e -> !e.directory() && !e.symlink()).forEach(e -> walked.add(e.path()));
        Set<String> git = new HashSet<>(files.files());
        List<String> onlyGit = git.stream().filter(p -> !walked.contains(p)).sorted().toList();
        List<String> onlyWalked = walked.stream().filter(p -> !git.contains(p)).sorted().toList();
        report.fact("file set: index walker vs git", String.format("walker %,d, git %,d, index status %,d;"
                        + " only in git %d, only in walker %d", walked.size(), git.size(), status.filesTotal(),
                onlyGit.size(), onlyWalked.size()));
        if (!onlyGit.isEmpty()) {
            report.note("only in git's list: " + String.join(", ", onlyGit.subList(0, Math.min(10, onlyGit.size()))));
        }
        if (!onlyWalked.isEmpty()) {
            report.note("only in the walker's list: "
                    + String.join(", ", onlyWalked.subList(0, Math.min(10, onlyWalked.size()))));
        }
    }

    private RepoIndex restart(RepoIndex cold) throws IOException, InterruptedException {
        Path dir = cold.status().indexDir();
        long start = System.nanoTime();
        cold.close();
        report.fact("close after the cold index (commit)", Report.format((System.nanoTime() - start) / 1e6) + " ms");
        List<Double> times = new ArrayList<>();
        RepoIndex index = null;
        for (int i = 0; i < repeats; i++) {
            if (index != null) {
                index.close();
            }
            start = System.nanoTime();
            index = open(dir, null);
            IndexStatus status = index.refresh(IndexListener.NONE);
            times.add((System.nanoTime() - start) / 1e6);
            if (status.changedInLastPass() != 0) {
                report.note("no-change restart re-read " + status.changedInLastPass() + " files");
            }
        }
        List<String> rgFiles = List.of("rg", "--files", "--hidden", "-g", "!.git", ".");
        CommandRun.run(root, rgFiles, false);
        double rg = medianMillis(repeats, () -> CommandRun.run(root, rgFiles, false).wallNanos());
        report.ratio("no-change restart (open + refresh)", Stats.median(times), rg, "ms", "rg --files",
                Targets.RESTART_VS_RG_FILES);
        return index;
    }

    private void editToSearchable(RepoIndex index, String path) throws IOException {
        Path file = root.resolve(path);
        byte[] original = Files.readAllBytes(file);
        List<Double> times = new ArrayList<>();
        try {
            for (int i = 0; i < repeats; i++) {
                String token = "daaluBenchEdit" + i + "x" + Long.toString(System.nanoTime(), 36);
                Files.write(file, (new String(original, StandardCharsets.ISO_8859_1) + "\n" + token + "\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                long start = System.nanoTime();
                index.update(List.of(file));
                SearchResults found = index.search(SearchQuery.of(token));
                times.add((System.nanoTime() - start) / 1e6);
                if (found.hits().stream().noneMatch(h -> h.path().equals(path))) {
                    report.note("edit: " + token + " appended to " + path + " was not found after update");
                }
            }
        } finally {
            Files.write(file, original);
            index.update(List.of(file));
        }
        report.limit("one edited file to searchable (" + path + ")", Stats.median(times), "ms",
                Targets.EDIT_TO_SEARCHABLE_MILLIS);
    }

    private void search(RepoIndex index, BenchQueries queries) throws IOException, InterruptedException {
        SearchBench bench = new SearchBench(index, repeats, Math.min(repeats, 3));
        bench.run(queries, report);
        report.ratio("warm search p50", Stats.median(bench.indexMillis()), Stats.median(bench.rgMillis()), "ms", "rg",
                targets.searchP50VsRg());
        report.ratio("warm search p95", Stats.percentile(bench.indexMillis(), 95),
                Stats.percentile(bench.rgMillis(), 95), "ms", "rg", Double.NaN);
        long agree = report.queries().stream().filter(Report.QueryRow::totalsAgree).count();
        report.fact("totals equal to rg's", agree + " of " + report.queries().size() + " queries"
                + (agree == report.queries().size() ? "" : " (see notes)"));
    }

    private void map(RepoIndex index) throws IOException, InterruptedException {
        for (int tokens : new int[] {1024, 4096}) {
            long start = System.nanoTime();
            RepoMap first = index.map(RepoMapRequest.of(tokens));
            report.limit("first " + tokens + "-token map (" + first.files().size() + " files, " + first.tokens()
                    + " tokens)", (System.nanoTime() - start) / 1e6, "ms", targets.mapMillis());
        }
        for (int tokens : new int[] {1024, 4096}) {
            double warm = medianMillis(repeats, () -> {
                long start = System.nanoTime();
                index.map(RepoMapRequest.of(tokens));
                return System.nanoTime() - start;
            });
            report.limit("cached " + tokens + "-token map", warm, "ms", targets.mapMillis());
        }
    }

    private void textOnly(double catMillis) throws IOException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            try (RepoIndex index = open(newIndexDir(), new NoLanguages())) {
                index.refresh(IndexListener.NONE);
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        report.ratio("text-only index (no parsing), wall", Stats.median(times), catMillis, "ms", "cat (warm cache)",
                Double.NaN);
    }

    private RepoIndex open(Path indexDir, SyntaxParser parser) throws IOException {
        RepoIndexer.Builder builder = RepoIndexer.builder().root(root)
                .config(IndexConfig.defaults().withIndexDir(indexDir));
        return (parser == null ? builder : builder.parser(parser)).build();
    }

    private Path newIndexDir() throws IOException {
        Path dir = Files.createTempDirectory("daalu-bench-" + name);
        indexDirs.add(dir);
        return dir;
    }

    private void deleteIndexDirs() throws IOException {
        for (Path dir : indexDirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private interface TimedRun {
        long nanos() throws IOException, InterruptedException;
    }

    private static double medianMillis(int runs, TimedRun run) throws IOException, InterruptedException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(run.nanos() / 1e6);
        }
        return Stats.median(millis);
    }

    /** A parser that claims no language: the index's text-only pass (the settings fingerprint differs too). */
    private static final class NoLanguages implements SyntaxParser {
        @Override
        public Optional<String> languageFor(String relativePath) {
            return Optional.empty();
        }

        @Override
        public FileTags parse(String relativePath, String text) {
            return FileTags.none();
        }
    }
}
