package dev.daalu.indexer.lucene;

import dev.daalu.indexer.scan.Fingerprint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The index's compact, in-memory list of files: path to {@link FileRecord}. Loaded once at open from doc
 * values (no stored content is read), then kept in step with every change, so a pass decides what to re-read
 * with one map lookup per file instead of one index lookup per file.
 *
 * <p>Thread-safe; workers update it concurrently during a pass.
 */
public final class Manifest {

    /** Counts for the index status. */
    public record Counts(long files, long text, long binary, long parsed, long parseSkipped) { }

    private final Map<String, FileRecord> records = new ConcurrentHashMap<>();
    private final Map<String, String> pathByHash = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    // kept up to date on every change, so the status costs nothing on an index of 80,000 files
    private final LongAdder text = new LongAdder();
    private final LongAdder binary = new LongAdder();
    private final LongAdder parsed = new LongAdder();
    private final LongAdder parseSkipped = new LongAdder();

    static Manifest load(DirectoryReader reader) throws IOException {
        Manifest manifest = new Manifest();
        FileRecord.Kind[] kinds = FileRecord.Kind.values();
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            Bits live = leaf.getLiveDocs();
            SortedDocValues paths = DocValues.getSorted(leaf, IndexFields.PATH);
            NumericDocValues kind = DocValues.getNumeric(leaf, IndexFields.KIND);
            NumericDocValues size = DocValues.getNumeric(leaf, IndexFields.SIZE);
            NumericDocValues mtime = DocValues.getNumeric(leaf, IndexFields.MTIME);
            NumericDocValues flags = DocValues.getNumeric(leaf, IndexFields.FLAGS);
            BinaryDocValues hash = DocValues.getBinary(leaf, IndexFields.HASH);
            BinaryDocValues problem = DocValues.getBinary(leaf, IndexFields.PROBLEM);
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                // chunk documents have no kind: the file's first document speaks for it
                if ((live != null && !live.get(doc)) || !paths.advanceExact(doc) || !kind.advanceExact(doc)) {
                    continue;
                }
                String path = IndexFields.utf8(paths.lookupOrd(paths.ordValue()));
                Fingerprint fingerprint = new Fingerprint(size.advanceExact(doc) ? size.longValue() : -1,
                        mtime.advanceExact(doc) ? mtime.longValue() : Fingerprint.UNKNOWN_TIME);
                int kindOrdinal = (int) kind.longValue();
                manifest.put(path, new FileRecord(fingerprint,
                        hash.advanceExact(doc) ? IndexFields.utf8(hash.binaryValue()) : null,
                        kinds[kindOrdinal],
                        flags.advanceExact(doc) ? (int) flags.longValue() : 0,
                        problem.advanceExact(doc) ? IndexFields.utf8(problem.binaryValue()) : null));
            }
        }
        return manifest;
    }

    public FileRecord get(String path) {
        return records.get(path);
    }

    // Callers change one path from one thread at a time (a pass hands each file to one worker)
    void put(String path, FileRecord record) {
        FileRecord old = records.put(path, record);
        if (old != null) {
            count(old, -1);
            if (old.hash() != null && !old.hash().equals(record.hash())) {
                pathByHash.remove(old.hash(), path);
            }
        }
        count(record, 1);
        if (record.hash() != null) {
            pathByHash.put(record.hash(), path);
        }
        if (record.problem() != null) {
            problems.put(path, record.problem());
        } else {
            problems.remove(path);
        }
    }

    void remove(String path) {
        FileRecord old = records.remove(path);
        if (old != null) {
            count(old, -1);
            problems.remove(path);
            if (old.hash() != null) {
                pathByHash.remove(old.hash(), path);
            }
        }
    }

    private void count(FileRecord record, int delta) {
        if (record.kind() == FileRecord.Kind.TEXT) {
            text.add(delta);
        } else if (record.kind() == FileRecord.Kind.BINARY) {
            binary.add(delta);
        }
        if (record.has(FileRecord.PARSED)) {
            parsed.add(delta);
        }
        if (record.has(FileRecord.PARSE_SKIPPED)) {
            parseSkipped.add(delta);
        }
    }

    /** A text file whose content has this hash, if the index holds one (the tag cache's key). */
    String pathWithHash(String hash) {
        return pathByHash.get(hash);
    }

    public int size() {
        return records.size();
    }

    /** A snapshot of every file's fingerprint, for a pass's {@code ChangeSet}. */
    public Map<String, Fingerprint> fingerprints() {
        Map<String, Fingerprint> out = new HashMap<>(records.size() * 2);
        records.forEach((path, record) -> out.put(path, record.fingerprint()));
        return out;
    }

    /** The path itself and every path below it, as a directory. */
    public List<String> pathsAtOrUnder(String path) {
        String prefix = path + "/";
        List<String> out = new ArrayList<>();
        for (String known : records.keySet()) {
            if (known.equals(path) || known.startsWith(prefix)) {
                out.add(known);
            }
        }
        return out;
    }

    /** Files with a problem, as path to message. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    public Counts counts() {
        return new Counts(records.size(), text.sum(), binary.sum(), parsed.sum(), parseSkipped.sum());
    }
}
