package dev.daalu.indexer;

import java.util.List;

/**
 * A directory listing that honours the index's ignore rules.
 *
 * @param entries entries in walk order (directories before their children, names sorted)
 * @param truncated whether {@code maxEntries} cut the listing short
 */
public record DirectoryListing(List<Entry> entries, boolean truncated) {

    public DirectoryListing {
        entries = List.copyOf(entries);
    }

    /**
     * @param path relative to the workspace root, '/'-separated; directories end with '/'
     * @param directory whether it is a directory
     * @param size bytes, or -1 for a directory
     * @param symlink whether it is a symbolic link (links out of the root are listed, never followed)
     */
    public record Entry(String path, boolean directory, long size, boolean symlink) { }
}
