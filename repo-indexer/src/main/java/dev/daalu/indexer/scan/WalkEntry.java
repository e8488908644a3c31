package dev.daalu.indexer.scan;

/**
 * One entry the walk found, from its {@code lstat} (links are never followed).
 *
 * @param path relative to the workspace root, '/'-separated, no trailing '/'
 * @param kind file, directory or symbolic link
 * @param size bytes for a file; 0 otherwise
 * @param modifiedNanos modification time in nanoseconds since the epoch
 */
public record WalkEntry(String path, Kind kind, long size, long modifiedNanos) {

    public enum Kind { FILE, DIRECTORY, SYMLINK }

    public Fingerprint fingerprint() {
        return new Fingerprint(size, modifiedNanos);
    }
}
