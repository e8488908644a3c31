package dev.daalu.indexer.rank;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The files of one {@link SymbolSource} snapshot and the identifiers that link them, in flat arrays:
 * interned names, definitions sorted by (name, directory, file, line), each file's references with their
 * counts, and the weighted file-to-file edges (CSR) PageRank walks. Vendored files and files without a
 * grammar are not in it.
 *
 * <p>Link rule ({@link #forEachLink}): a file referencing an identifier links to each other file defining
 * it, weighing {@code sqrt(count)} times the identifier's multipliers ({@link RankWeights}); no links
 * when the file defines the identifier itself; only same-directory links when the identifier has more
 * than {@link RankWeights#maxDefiners()} definers.
 *
 * <p>Immutable and thread-safe once built (by {@link SymbolGraphBuilder}).
 */
final class SymbolGraph {

    final int fileCount;
    private final String[] paths;
    private final String[] skippedReasons;
    private final boolean[] testFiles;
    private final int[] directoryOf;

    private final NamePool names;
    private final float[] nameWeights;
    private final int[] nameDefinitionStart;
    private final int[] nameDefiners;

    private final int[] definitionFile;
    private final int[] definitionName;
    private final int[] definitionLine;
    private final short[] definitionKind;
    private final List<String> kinds;
    private final ByteArena signatures;
    private final long[] definitionSignature;
    private final int[] fileDefinitionCount;

    private final int[] fileReferenceStart;
    private final int[] referenceName;
    private final float[] referenceCount;

    private final EdgeList edges;
    private final double[] outWeight;

    private final RankWeights weights;

    SymbolGraph(Files files, Names nameData, Definitions definitions, References references, RankWeights weights) {
        this.fileCount = files.paths.length;
        this.paths = files.paths;
        this.skippedReasons = files.skippedReasons;
        this.testFiles = files.testFiles;
        this.directoryOf = files.directoryOf;
        this.names = nameData.pool;
        this.nameWeights = nameData.weights;
        this.nameDefinitionStart = nameData.definitionStart;
        this.nameDefiners = nameData.definers;
        this.definitionFile = definitions.file;
        this.definitionName = definitions.name;
        this.definitionLine = definitions.line;
        this.definitionKind = definitions.kind;
        this.kinds = definitions.kinds;
        this.signatures = definitions.signatures;
        this.definitionSignature = definitions.signature;
        this.fileDefinitionCount = definitions.perFile;
        this.fileReferenceStart = references.fileStart;
        this.referenceName = references.name;
        this.referenceCount = references.count;
        this.weights = weights;
        Edges edges = aggregateEdges();
        this.edges = edges.list;
        this.outWeight = edges.out;
    }

    /** Receives the links of one reference: the defining file, the link weight and its definitions. */
    @FunctionalInterface
    interface LinkVisitor {
        void link(int targetFile, double weight, int firstDefinition, int endDefinition);
    }

    /**
     * Visits the links of file {@code source} referencing {@code name} {@code count} times (weighted by
     * kind), per defining
     * file, with that file's definitions of the name ({@code [firstDefinition, endDefinition)}).
     *
     * @param boost extra multiplier (focus), 1 for none
     */
    void forEachLink(int source, int name, float count, double boost, LinkVisitor visitor) {
        int from = nameDefinitionStart[name];
        int to = nameDefinitionStart[name + 1];
        if (from == to) {
            return;
        }
        int directory = directoryOf[source];
        int localFrom = lowerBound(from, to, directory);
        int localTo = lowerBound(localFrom, to, directory + 1);
        for (int d = localFrom; d < localTo; d++) {
            if (definitionFile[d] == source) {
                return;
            }
        }
        boolean local = localFrom < localTo;
        int definers = nameDefiners[name];
        if (definers > weights.maxDefiners()) {
            if (!local) {
                return;
            }
            from = localFrom;
            to = localTo;
        }
        double base = nameWeights[name] * Math.sqrt(count) * boost
                * (definers > weights.commonNameDefiners() ? weights.commonNameFactor() : 1);
        int d = from;
        while (d < to) {
            int file = definitionFile[d];
            int end = d + 1;
            while (end < to && definitionFile[end] == file) {
                end++;
            }
            boolean elsewhere = local && directoryOf[file] != directory;
            visitor.link(file, elsewhere ? base * weights.otherDirectoryFactor() : base, d, end);
            d = end;
        }
    }

    // the first definition in [from, to) (sorted by directory) whose directory is >= directory
    private int lowerBound(int from, int to, int directory) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (directoryOf[definitionFile[mid]] < directory) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sums the links of each file per target file (called once, by the constructor). */
    private Edges aggregateEdges() {
        EdgeList edges = new EdgeList(fileCount);
        double[] outWeights = new double[fileCount];
        float[] accumulated = new float[fileCount];
        int[] touched = new int[Math.max(16, fileCount)];
        int[] touchedCount = new int[1];
        LinkVisitor sum = (target, weight, first, end) -> {
            if (accumulated[target] == 0) {
                touched[touchedCount[0]++] = target;
            }
            accumulated[target] += (float) weight;
        };
        for (int source = 0; source < fileCount; source++) {
            touchedCount[0] = 0;
            for (int r = fileReferenceStart[source]; r < fileReferenceStart[source + 1]; r++) {
                forEachLink(source, referenceName[r], referenceCount[r], 1, sum);
            }
            Arrays.sort(touched, 0, touchedCount[0]);
            double out = 0;
            for (int i = 0; i < touchedCount[0]; i++) {
                int target = touched[i];
                edges.add(source, target, accumulated[target]);
                out += accumulated[target];
                accumulated[target] = 0;
            }
            outWeights[source] = out;
        }
        return new Edges(edges.finish(), outWeights);
    }

    private record Edges(EdgeList list, double[] out) { }

    /** The summed link weights between files, by source file. */
    EdgeList edges() {
        return edges;
    }

    /** The total weight of a file's out-edges (0 for a dangling file). */
    double outWeight(int file) {
        return outWeight[file];
    }

    String path(int file) {
        return paths[file];
    }

    /** Why the file has no tags (too large, minified...), or null. */
    String skippedReason(int file) {
        return skippedReasons[file];
    }

    boolean isTestFile(int file) {
        return testFiles[file];
    }

    int referenceStart(int file) {
        return fileReferenceStart[file];
    }

    int referenceName(int reference) {
        return referenceName[reference];
    }

    float referenceCount(int reference) {
        return referenceCount[reference];
    }

    int referenceTotal() {
        return referenceName.length;
    }

    int definitionCount() {
        return definitionFile.length;
    }

    int definitionsIn(int file) {
        return fileDefinitionCount[file];
    }

    int definitionFile(int definition) {
        return definitionFile[definition];
    }

    int definitionLine(int definition) {
        return definitionLine[definition];
    }

    String definitionName(int definition) {
        return names.name(definitionName[definition]);
    }

    int definitionNameId(int definition) {
        return definitionName[definition];
    }

    String definitionKind(int definition) {
        return kinds.get(definitionKind[definition]);
    }

    String definitionSignature(int definition) {
        return signatures.string(definitionSignature[definition]);
    }

    /** The id of an identifier, or -1 when no file mentions it. */
    int nameId(String name) {
        return names.find(name);
    }

    int nameCount() {
        return names.size();
    }

    String name(int id) {
        return names.name(id);
    }

    /** Definitions of a name: {@code [nameDefinitionStart(id), nameDefinitionStart(id + 1))}. */
    int nameDefinitionStart(int id) {
        return nameDefinitionStart[id];
    }

    /** A rough size of the arrays, for benchmarks. */
    long approximateBytes() {
        long bytes = 0;
        for (String path : paths) {
            bytes += 48 + path.length();
        }
        for (int i = 0; i < names.size(); i++) {
            bytes += 56 + names.name(i).length() + 8;
        }
        bytes += (long) definitionFile.length * (4 + 4 + 4 + 2 + 8);
        bytes += signatures.bytes();
        bytes += (long) referenceName.length * 8;
        bytes += (long) edges.size() * 8 + (long) fileCount * (8 + 4 * 4);
        bytes += (long) nameWeights.length * 12;
        return bytes;
    }

    /** Per-file data, in path order. */
    record Files(String[] paths, String[] skippedReasons, boolean[] testFiles, int[] directoryOf) { }

    /** Interned names, each with its multiplier, the start of its definitions and its defining-file count. */
    record Names(NamePool pool, float[] weights, int[] definitionStart, int[] definers) { }

    /** Definitions sorted by (name, directory, file, line). */
    record Definitions(int[] file, int[] name, int[] line, short[] kind, List<String> kinds, ByteArena signatures,
                       long[] signature, int[] perFile) { }

    /**
     * References grouped by file: {@code [fileStart[f], fileStart[f + 1])} are file f's (name, count), the
     * count weighted by reference kind.
     */
    record References(int[] fileStart, int[] name, float[] count) { }

    /** UTF-8 strings in 1 MiB chunks, addressed by a long (chunk, offset, length), so nothing large is copied. */
    static final class ByteArena {
        private static final int CHUNK_BITS = 20;
        private static final int CHUNK = 1 << CHUNK_BITS;
        private byte[][] chunks = new byte[4][];
        private int chunkCount;
        private int used = CHUNK;

        long add(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            int length = Math.min(utf8.length, 0xFFFF);
            if (used + length > CHUNK) {
                if (chunkCount == chunks.length) {
                    chunks = Arrays.copyOf(chunks, chunkCount * 2);
                }
                chunks[chunkCount++] = new byte[CHUNK];
                used = 0;
            }
            System.arraycopy(utf8, 0, chunks[chunkCount - 1], used, length);
            long address = ((long) (chunkCount - 1) << 36) | ((long) used << 16) | length;
            used += length;
            return address;
        }

        String string(long address) {
            int chunk = (int) (address >>> 36);
            int offset = (int) ((address >>> 16) & (CHUNK - 1));
            int length = (int) (address & 0xFFFF);
            return new String(chunks[chunk], offset, length, StandardCharsets.UTF_8);
        }

        long bytes() {
            return (long) chunkCount * CHUNK;
        }
    }
}
