package dev.daalu.indexer.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares a walk, entry by entry as it goes, with what the index knew before it: a file whose size and
 * modification time both match is unchanged and is not read; any other file must be read (and then hashed,
 * to tell a touched file from an edited one). Known files the walk never offered were deleted.
 *
 * <p>Thread-safe: a concurrent walk may offer files from several threads; {@link #deleted} is for after the
 * walk.
 */
public final class ChangeSet {

    /** What the walk's entry means for the index. */
    public enum Change { NEW, MODIFIED, UNCHANGED }

    private final Map<String, Fingerprint> known;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger added = new AtomicInteger();
    private final AtomicInteger modified = new AtomicInteger();

    /** @param known the fingerprint of every file the index holds, by relative path */
    public ChangeSet(Map<String, Fingerprint> known) {
        this.known = known;
    }

    /** Classifies one file the walk found. */
    public Change offer(String path, Fingerprint current) {
        seen.add(path);
        Fingerprint before = known.get(path);
        if (before == null) {
            added.incrementAndGet();
            return Change.NEW;
        }
        if (before.equals(current)) {
            unchanged.incrementAndGet();
            return Change.UNCHANGED;
        }
        modified.incrementAndGet();
        return Change.MODIFIED;
    }

    /** Known files the walk did not find, in no particular order; call after the walk. */
    public List<String> deleted() {
        List<String> gone = new ArrayList<>();
        for (String path : known.keySet()) {
            if (!seen.contains(path)) {
                gone.add(path);
            }
        }
        return gone;
    }

    public int unchanged() {
        return unchanged.get();
    }

    public int added() {
        return added.get();
    }

    public int modified() {
        return modified.get();
    }

    /** Files offered so far. */
    public int seen() {
        return seen.size();
    }
}
