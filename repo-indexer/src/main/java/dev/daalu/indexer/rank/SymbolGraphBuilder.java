package dev.daalu.indexer.rank;

import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds a {@link SymbolGraph} from the files of a {@link SymbolSource}, one file at a time, keeping only
 * interned ids and flat arrays (never the files' tag lists).
 *
 * <p>Not thread-safe; one builder per snapshot.
 */
final class SymbolGraphBuilder {

    private static final String MEMBER = "member";
    /**
     * Method names of the standard libraries of the languages we tag (Object and String, collections, streams and
     * I/O in Java, Python's str/list/dict/file, JavaScript's Array/Promise/Map, Go's common interfaces): see
     * {@link RankWeights#libraryMemberFactor()}.
     */
    private static final Set<String> LIBRARY_MEMBERS = Set.of(
            "toString", "equals", "hashCode", "compareTo", "length", "charAt", "subSequence", "isEmpty", "size",
            "get", "set", "put", "add", "addAll", "remove", "clear", "contains", "containsKey", "getOrDefault",
            "iterator", "hasNext", "next", "stream", "map", "filter", "forEach", "collect", "reduce", "toList",
            "of", "apply", "accept", "test", "run", "call", "close", "flush", "read", "write", "print", "println",
            "format", "append", "join", "split", "strip", "trim", "replace", "startsWith", "endsWith", "indexOf",
            "substring", "lower", "upper", "keys", "values", "items", "update", "pop", "push", "insert", "extend",
            "copy", "sort", "find", "then", "catch", "finally", "resolve", "reject", "slice", "splice", "concat",
            "includes", "parse", "stringify", "Error", "String", "Len", "Close", "Read", "Write");
    private static final Pattern TEST_FILE = Pattern.compile(
            "(^|.*/)(tests?|testing|selftests|__tests__|spec|testdata|test-data|e2e)/.*"
                    + "|.*(_test\\.go|_test\\.py|\\.(test|spec)\\.[jt]sx?|Tests?\\.java|IT\\.java)"
                    + "|(^|.*/)test_[^/]*\\.py|(^|.*/)conftest\\.py");

    private final RankWeights weights;
    private final List<String> paths = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final Map<String, Integer> directories = new HashMap<>();
    private int[] directoryOfFile = new int[1024];

    private final NamePool names = new NamePool();
    private final NamePool kinds = new NamePool();
    private final Utf8Arena signatures = new Utf8Arena();
    private IntList definitionFile = new IntList();
    private IntList definitionName = new IntList();
    private IntList definitionLine = new IntList();
    private IntList definitionKind = new IntList();
    private LongList definitionSignature = new LongList();

    private final IntList fileReferenceStart = new IntList();
    private final IntList referenceName = new IntList();
    private final FloatList referenceCount = new FloatList();
    private float[] countByName = new float[1024];
    private final IntList namesSeen = new IntList();

    SymbolGraphBuilder(RankWeights weights) {
        this.weights = weights;
        fileReferenceStart.add(0);
    }

    /** Adds one file; vendored files ({@code inGraph == false}) and files no grammar handles are left out. */
    void add(FileSymbols symbols) {
        FileTags tags = symbols.tags();
        if (!symbols.inGraph() || tags.language() == null) {
            return;
        }
        int file = paths.size();
        paths.add(symbols.path());
        skipped.add(tags.skippedReason());
        String directory = directoryOf(symbols.path());
        if (file == directoryOfFile.length) {
            directoryOfFile = Arrays.copyOf(directoryOfFile, file * 2);
        }
        directoryOfFile[file] = directories.computeIfAbsent(directory, d -> directories.size());
        // a file's tags share one String per distinct name (TagCodec decodes them from a table), so most
        // repeats are found here by identity before the pool is asked
        Map<String, Integer> seen = new HashMap<>();
        for (Tag tag : tags.tags()) {
            int name = seen.computeIfAbsent(tag.name(), names::intern);
            if (tag.isDefinition()) {
                definitionFile.add(file);
                definitionName.add(name);
                definitionLine.add(tag.line());
                definitionKind.add(kinds.intern(tag.kind()));
                definitionSignature.add(signatures.add(tag.signature()));
            } else {
                countReference(name, referenceWeight(tag));
            }
        }
        flushReferences();
    }

    private float referenceWeight(Tag tag) {
        if (!tag.kind().equals(MEMBER)) {
            return 1f;
        }
        double member = weights.memberReferenceFactor();
        return (float) (LIBRARY_MEMBERS.contains(tag.name()) ? member * weights.libraryMemberFactor() : member);
    }

    SymbolGraph build() {
        int files = paths.size();
        int[] directoryRank = rankDirectories();
        int[] directoryOf = new int[files];
        for (int f = 0; f < files; f++) {
            directoryOf[f] = directoryRank[directoryOfFile[f]];
        }
        NamePool defined = keepDefinedNames();
        int nameCount = defined.size();
        int definitions = definitionFile.size;
        int[] order = sortDefinitions(directoryOf, nameCount);
        int[] nameStart = new int[nameCount + 1];
        int[] definers = new int[nameCount];
        int[] perFile = new int[files];
        int[] file = new int[definitions];
        int[] name = new int[definitions];
        int[] line = new int[definitions];
        short[] kind = new short[definitions];
        long[] signature = new long[definitions];
        for (int i = 0; i < definitions; i++) {
            int d = order[i];
            file[i] = definitionFile.values[d];
            name[i] = definitionName.values[d];
            line[i] = definitionLine.values[d];
            kind[i] = (short) definitionKind.values[d];
            signature[i] = definitionSignature.values[d];
            nameStart[name[i] + 1]++;
            perFile[file[i]]++;
            if (i == 0 || name[i - 1] != name[i] || file[i - 1] != file[i]) {
                definers[name[i]]++;
            }
        }
        for (int n = 0; n < nameCount; n++) {
            nameStart[n + 1] += nameStart[n];
        }
        // the unsorted copies are garbage from here on
        definitionFile = null;
        definitionName = null;
        definitionLine = null;
        definitionKind = null;
        definitionSignature = null;
        List<String> kindNames = new ArrayList<>(kinds.size());
        for (int k = 0; k < kinds.size(); k++) {
            kindNames.add(kinds.name(k));
        }
        return new SymbolGraph(
                new SymbolGraph.Files(paths.toArray(String[]::new), skipped.toArray(String[]::new), testFiles(),
                        directoryOf),
                new SymbolGraph.Names(defined, nameWeights(defined), nameStart, definers),
                new SymbolGraph.Definitions(file, name, line, kind, List.copyOf(kindNames), signatures, signature,
                        perFile),
                new SymbolGraph.References(fileReferenceStart.toArray(), referenceName.toArray(),
                        referenceCount.toArray()),
                weights);
    }

    /**
     * Drops the names nothing defines, and the references to them (they can link nothing), renumbering
     * the rest in the same order: most names a large tree mentions (library calls, locals) are never defined.
     */
    private NamePool keepDefinedNames() {
        int[] renumbered = new int[names.size()];
        Arrays.fill(renumbered, -1);
        for (int d = 0; d < definitionName.size; d++) {
            renumbered[definitionName.values[d]] = 0;
        }
        NamePool kept = new NamePool();
        for (int id = 0; id < renumbered.length; id++) {
            if (renumbered[id] == 0) {
                renumbered[id] = kept.intern(names.name(id));
            }
        }
        kept.trim();
        for (int d = 0; d < definitionName.size; d++) {
            definitionName.values[d] = renumbered[definitionName.values[d]];
        }
        int out = 0;
        int start = 0;
        for (int file = 0; file + 1 < fileReferenceStart.size; file++) {
            int end = fileReferenceStart.values[file + 1];
            fileReferenceStart.values[file] = out;
            for (int r = start; r < end; r++) {
                int name = renumbered[referenceName.values[r]];
                if (name >= 0) {
                    referenceName.values[out] = name;
                    referenceCount.values[out] = referenceCount.values[r];
                    out++;
                }
            }
            start = end;
        }
        fileReferenceStart.values[fileReferenceStart.size - 1] = out;
        referenceName.size = out;
        referenceCount.size = out;
        return kept;
    }

    private void countReference(int name, float weight) {
        if (name >= countByName.length) {
            countByName = Arrays.copyOf(countByName, Math.max(name + 1, countByName.length * 2));
        }
        if (countByName[name] == 0) {
            namesSeen.add(name);
        }
        countByName[name] += weight;
    }

    private void flushReferences() {
        int[] seen = namesSeen.values;
        Arrays.sort(seen, 0, namesSeen.size);
        for (int i = 0; i < namesSeen.size; i++) {
            referenceName.add(seen[i]);
            referenceCount.add(countByName[seen[i]]);
            countByName[seen[i]] = 0;
        }
        namesSeen.size = 0;
        fileReferenceStart.add(referenceName.size);
    }

    // directories numbered in path order, so each name's definitions can be sorted (and searched) by directory
    private int[] rankDirectories() {
        TreeSet<String> sorted = new TreeSet<>(directories.keySet());
        int[] rank = new int[directories.size()];
        int next = 0;
        for (String directory : sorted) {
            rank[directories.get(directory)] = next++;
        }
        return rank;
    }

    /** Definition indices in (name, directory, file, line) order: definitions arrive in (file, line) order. */
    private int[] sortDefinitions(int[] directoryOf, int nameCount) {
        int n = definitionFile.size;
        int[] byDirectory = countingSort(identity(n), i -> directoryOf[definitionFile.values[i]], directories.size());
        return countingSort(byDirectory, i -> definitionName.values[i], nameCount);
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** A stable sort of {@code items} by {@code key} in {@code [0, keys)}. */
    private static int[] countingSort(int[] items, java.util.function.IntUnaryOperator key, int keys) {
        int[] start = new int[keys + 1];
        for (int item : items) {
            start[key.applyAsInt(item) + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] out = new int[items.length];
        for (int item : items) {
            out[start[key.applyAsInt(item)]++] = item;
        }
        return out;
    }

    private boolean[] testFiles() {
        boolean[] tests = new boolean[paths.size()];
        for (int f = 0; f < tests.length; f++) {
            tests[f] = TEST_FILE.matcher(paths.get(f)).matches();
        }
        return tests;
    }

    private float[] nameWeights(NamePool pool) {
        float[] out = new float[pool.size()];
        for (int n = 0; n < out.length; n++) {
            String name = pool.name(n);
            double weight = 1;
            if (name.startsWith("_")) {
                weight *= weights.privateNameFactor();
            }
            if (name.length() >= weights.meaningfulNameLength() && isCompound(name)) {
                weight *= weights.meaningfulNameBoost();
            }
            out[n] = (float) weight;
        }
        return out;
    }

    // snake_case, kebab-case or camelCase: several words, so the name is specific
    private static boolean isCompound(String name) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-') {
                return true;
            }
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        return upper && lower;
    }

    private static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** A growable int array. */
    private static final class IntList {
        int[] values = new int[1024];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable float array. */
    private static final class FloatList {
        float[] values = new float[1024];
        int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable long array. */
    private static final class LongList {
        long[] values = new long[1024];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
