package dev.daalu.indexer.rank;

import dev.daalu.indexer.IndexConfig;
import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.ParseThreads;
import dev.daalu.indexer.parse.TagCodec;
import dev.daalu.indexer.parse.TreeSitterParser;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Measures tagging and mapping on a real tree (bench/symbols/run.sh runs it; not a test).
 *
 * <p>Usage: {@code SymbolsBenchmark ROOT [MAP_OUTPUT_DIR]}; with {@code -Dbench.tagCache=FILE} the tags of a
 * previous run are reused (written when the file does not exist), to time mapping alone. Tags every file a grammar claims on one parse
 * thread (reporting thread CPU time as well as wall time, since the machine may be shared), keeps the
 * tags as the index does ({@link TagCodec} bytes per file), then times the first map (graph build),
 * cached maps of 1K and 4K tokens, and a focused map, and reports the graph's size. With an output
 * directory, writes the maps there (for calibrating the token estimate).
 */
public final class SymbolsBenchmark {

    private SymbolsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toRealPath();
        Path out = args.length > 1 ? Path.of(args[1]) : null;
        TreeSitterParser parser = new TreeSitterParser(IndexConfig.defaults());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> !p.toString().contains("/.git/") && Files.isRegularFile(p))
                    .filter(p -> parser.languageFor(root.relativize(p).toString()).isPresent()).sorted().toList();
        }
        System.out.printf("%s: %d files with a grammar%n", root, files.size());
        List<String> paths = new ArrayList<>();
        List<byte[]> stored = new ArrayList<>();
        String cache = System.getProperty("bench.tagCache");
        if (cache != null && Files.exists(Path.of(cache))) {
            readCache(Path.of(cache), paths, stored);
        } else {
            ParseThreads.call(() -> {
                tagAll(root, files, parser, paths, stored);
                return null;
            });
            if (cache != null) {
                writeCache(Path.of(cache), paths, stored);
            }
        }
        SymbolSource source = new EncodedSource(paths, stored);
        mapAll(source, out);
    }

    private static void tagAll(Path root, List<Path> files, TreeSitterParser parser, List<String> paths,
                               List<byte[]> stored) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bytes = 0;
        long tags = 0;
        long definitions = 0;
        long parseNanos = 0;
        long parseCpuNanos = 0;
        Map<String, Integer> skipped = new TreeMap<>();
        Map<String, Integer> languages = new TreeMap<>();
        for (Path file : files) {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            String path = root.relativize(file).toString();
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            FileTags fileTags = parser.parse(path, text);
            parseCpuNanos += threads.getCurrentThreadCpuTime() - cpu;
            parseNanos += System.nanoTime() - wall;
            bytes += text.length();
            tags += fileTags.tags().size();
            definitions += fileTags.tags().stream().filter(t -> t.isDefinition()).count();
            languages.merge(String.valueOf(fileTags.language()), 1, Integer::sum);
            if (fileTags.skippedReason() != null) {
                skipped.merge(fileTags.skippedReason(), 1, Integer::sum);
            }
            paths.add(path);
            stored.add(TagCodec.encode(fileTags));
        }
        long storedBytes = stored.stream().mapToLong(b -> b.length).sum();
        System.out.printf("tagging (1 thread): %.1f s wall, %.1f s cpu; %.1f MB of text, %,d tags (%,d definitions);"
                        + " %,.0f tags/s and %.1f MB/s of cpu; tags stored in %.1f MB%n",
                parseNanos / 1e9, parseCpuNanos / 1e9, bytes / 1e6, tags, definitions, tags / (parseCpuNanos / 1e9),
                bytes / 1e6 / (parseCpuNanos / 1e9), storedBytes / 1e6);
        System.out.println("languages " + languages + " skipped " + skipped);
    }

    private static void readCache(Path file, List<String> paths, List<byte[]> stored) throws IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                paths.add(in.readUTF());
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                stored.add(bytes);
            }
        }
        System.out.printf("read the tags of %d files from %s%n", paths.size(), file);
    }

    private static void writeCache(Path file, List<String> paths, List<byte[]> stored) throws IOException {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(paths.size());
            for (int i = 0; i < paths.size(); i++) {
                out.writeUTF(paths.get(i));
                out.writeInt(stored.get(i).length);
                out.write(stored.get(i));
            }
        }
    }

    private static void mapAll(SymbolSource source, Path out) throws IOException {
        PageRankRepoMapper mapper = new PageRankRepoMapper();
        long heapBefore = usedHeap();
        long decode = System.nanoTime();
        long[] tags = {0};
        source.forEachFile(f -> tags[0] += f.tags().tags().size());
        System.out.printf("decoding every file's tags once (the index's part of a graph build): %.2f s%n",
                (System.nanoTime() - decode) / 1e9);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long buildCpu = threads.getCurrentThreadCpuTime();
        long build = System.nanoTime();
        SymbolGraphBuilder builder = new SymbolGraphBuilder(RankWeights.defaults());
        source.forEachFile(builder::add);
        SymbolGraph graph = builder.build();
        System.out.printf("graph build alone: %.2f s wall, %.2f s cpu; %,d files, %,d names, %,d definitions,"
                        + " %,d references, %,d edges, ~%.0f MB by array sizes%n", (System.nanoTime() - build) / 1e9,
                (threads.getCurrentThreadCpuTime() - buildCpu) / 1e9, graph.fileCount,
                graph.nameCount(), graph.definitionCount(), graph.referenceTotal(), graph.edges().size(),
                graph.approximateBytes() / 1e6);
        profileRanking(graph);
        graph = null;
        builder = null;
        heapBefore = usedHeap();
        long start = System.nanoTime();
        RepoMap first = mapper.map(source, RepoMapRequest.of(1024));
        System.out.printf("first 1K map (reads tags, builds graph, ranks): %.2f s%n", (System.nanoTime() - start) / 1e9);
        System.out.printf("graph held: %.0f MB of heap (%,d files ranked)%n", (usedHeap() - heapBefore) / 1e6,
                first.filesRanked());
        for (int tokens : new int[] {1024, 4096, 1024, 4096, 1024, 4096, 1024, 4096}) {
            long t0 = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            RepoMap map = mapper.map(source, RepoMapRequest.of(tokens));
            System.out.printf("cached %d-token map: %.3f s wall, %.3f s cpu, %d tokens estimated, %d files%n", tokens,
                    (System.nanoTime() - t0) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9, map.tokens(),
                    map.files().size());
            write(out, "map-" + tokens, map);
        }
        String focus = first.files().isEmpty() ? "" : first.files().getFirst().path();
        RepoMap focused = first;
        for (String item : new String[] {focus, first.files().getLast().path(), "kmalloc"}) {
            long t0 = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            focused = mapper.map(source, RepoMapRequest.of(1024, item));
            System.out.printf("focused 1K map (%s): %.3f s wall, %.3f s cpu%n", item, (System.nanoTime() - t0) / 1e9,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        write(out, "focused-1024", focused);
        for (int tokens : new int[] {256, 512, 2048, 8192}) {
            write(out, "map-" + tokens, mapper.map(source, RepoMapRequest.of(tokens)));
        }
    }

    /** Times the parts of an unfocused and a focused ranking on the graph. */
    private static void profileRanking(SymbolGraph graph) {
        RankWeights weights = RankWeights.defaults();
        for (String label : new String[] {"unfocused", "focused on the top file"}) {
            Focus focus = new Focus(new int[0], null);
            if (!label.equals("unfocused")) {
                focus = new Focus(new int[] {0}, null);
            }
            long t0 = System.nanoTime();
            PageRank.Boost boost = PageRank.boost(graph, focus.names(), weights);
            long t1 = System.nanoTime();
            double[] rank = PageRank.rank(graph, focus.jump(graph, weights), boost, weights);
            long t2 = System.nanoTime();
            double[] scores = DefinitionRanker.scores(graph, rank, boost, weights);
            long t3 = System.nanoTime();
            Ranking.best(scores, 65_536);
            long t4 = System.nanoTime();
            System.out.printf("%s ranking: boost %.3f s, PageRank %.3f s, definitions %.3f s, best %.3f s%n", label,
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        }
    }

    private static void write(Path out, String name, RepoMap map) throws IOException {
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve(name + ".txt"), map.text());
            Files.writeString(out.resolve(name + ".estimate"), map.tokens() + "\n");
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Tags kept as the index keeps them, decoded on each read. */
    private record EncodedSource(List<String> paths, List<byte[]> tags) implements SymbolSource {
        @Override
        public void forEachFile(Consumer<FileSymbols> visitor) {
            for (int i = 0; i < paths.size(); i++) {
                visitor.accept(new FileSymbols(paths.get(i), TagCodec.decode(tags.get(i)), true));
            }
        }

        @Override
        public long generation() {
            return 1;
        }
    }
}
