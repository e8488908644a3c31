package dev.daalu.indexer.lucene;

import dev.daalu.indexer.scan.Fingerprint;

/**
 * What the index remembers of one file without opening its document: enough to skip it when unchanged and
 * to count it in the status.
 *
 * @param fingerprint size and modification time when it was read
 * @param hash content hash (see {@link Fingerprint#contentHash}); null for secret and oversized files, and
 *     for binary files, which are re-classified from their first bytes whenever they change
 * @param kind how it is indexed
 * @param flags {@link #VENDORED}, {@link #TEST}, {@link #PARSED}, {@link #PARSE_SKIPPED}, {@link #IN_GRAPH}
 * @param problem why the file is not fully indexed (too large to index, parser failure), or null
 */
public record FileRecord(Fingerprint fingerprint, String hash, Kind kind, int flags, String problem) {

    public enum Kind { TEXT, BINARY, SECRET, TOO_LARGE }

    public static final int VENDORED = 1;
    public static final int TEST = 1 << 1;
    public static final int PARSED = 1 << 2;
    public static final int PARSE_SKIPPED = 1 << 3;
    public static final int IN_GRAPH = 1 << 4;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public FileRecord withFingerprint(Fingerprint value) {
        return new FileRecord(value, hash, kind, flags, problem);
    }
}
