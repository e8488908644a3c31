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
 * <p>Usage: {@code SymbolsBenchmark ROOT [MAP_OUTPUT_DIR]}. Tags every file a grammar claims on one parse
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
        ParseThreads.call(() -> {
            tagAll(root, files, parser, paths, stored);
            return null;
        });
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

    private static void mapAll(SymbolSource source, Path out) throws IOException {
        PageRankRepoMapper mapper = new PageRankRepoMapper();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        RepoMap first = mapper.map(source, RepoMapRequest.of(1024));
        System.out.printf("first 1K map (reads tags, builds graph, ranks): %.2f s%n", (System.nanoTime() - start) / 1e9);
        System.out.printf("graph held: %.0f MB of heap (%,d files ranked)%n", (usedHeap() - heapBefore) / 1e6,
                first.filesRanked());
        for (int tokens : new int[] {1024, 4096, 1024, 4096}) {
            long t0 = System.nanoTime();
            RepoMap map = mapper.map(source, RepoMapRequest.of(tokens));
            System.out.printf("cached %d-token map: %.3f s, %d tokens estimated, %d files%n", tokens,
                    (System.nanoTime() - t0) / 1e9, map.tokens(), map.files().size());
            write(out, "map-" + tokens, map);
        }
        String focus = first.files().isEmpty() ? "" : first.files().getFirst().path();
        long t0 = System.nanoTime();
        RepoMap focused = mapper.map(source, RepoMapRequest.of(1024, focus));
        System.out.printf("focused 1K map (%s): %.3f s%n", focus, (System.nanoTime() - t0) / 1e9);
        write(out, "focused-1024", focused);
        for (int tokens : new int[] {256, 512, 2048, 8192}) {
            write(out, "map-" + tokens, mapper.map(source, RepoMapRequest.of(tokens)));
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
