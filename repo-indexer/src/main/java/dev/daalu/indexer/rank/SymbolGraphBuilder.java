package dev.daalu.indexer.rank;

import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final Pattern TEST_FILE = Pattern.compile(
            "(^|.*/)(tests?|__tests__|spec|testdata|test-data|e2e)/.*"
                    + "|.*(_test\\.go|_test\\.py|\\.(test|spec)\\.[jt]sx?|Tests?\\.java|IT\\.java)"
                    + "|(^|.*/)test_[^/]*\\.py|(^|.*/)conftest\\.py");

    private final RankWeights weights;
    private final List<String> paths = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final Map<String, Integer> directories = new HashMap<>();
    private int[] directoryOfFile = new int[1024];

    private final NamePool names = new NamePool();
    private final NamePool kinds = new NamePool();
    private final SymbolGraph.ByteArena signatures = new SymbolGraph.ByteArena();
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
        for (Tag tag : tags.tags()) {
            int name = names.intern(tag.name());
            if (tag.isDefinition()) {
                definitionFile.add(file);
                definitionName.add(name);
                definitionLine.add(tag.line());
                definitionKind.add(kinds.intern(tag.kind()));
                definitionSignature.add(signatures.add(tag.signature()));
            } else {
                countReference(name, tag.kind().equals(MEMBER) ? (float) weights.memberReferenceFactor() : 1f);
            }
        }
        flushReferences();
    }

    SymbolGraph build() {
        int files = paths.size();
        int[] directoryRank = rankDirectories();
        int[] directoryOf = new int[files];
        for (int f = 0; f < files; f++) {
            directoryOf[f] = directoryRank[directoryOfFile[f]];
        }
        names.trim();
        int nameCount = names.size();
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
                new SymbolGraph.Names(names, nameWeights(), nameStart, definers),
                new SymbolGraph.Definitions(file, name, line, kind, List.copyOf(kindNames), signatures, signature,
                        perFile),
                new SymbolGraph.References(fileReferenceStart.toArray(), referenceName.toArray(),
                        referenceCount.toArray()),
                weights);
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

    private float[] nameWeights() {
        float[] out = new float[names.size()];
        for (int n = 0; n < out.length; n++) {
            String name = names.name(n);
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
