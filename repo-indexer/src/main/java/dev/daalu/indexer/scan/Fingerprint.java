package dev.daalu.indexer.scan;

import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * What a pass compares to decide whether a file changed: its size and modification time from the walk's
 * {@code lstat}, and, only when those differ, a hash of its content.
 *
 * @param size bytes
 * @param modifiedNanos modification time in nanoseconds since the epoch, or {@link #UNKNOWN_TIME} for a
 *     file whose time could not be trusted (see {@link #trusted})
 */
public record Fingerprint(long size, long modifiedNanos) {

    /** Never equal to a real modification time, so the file is hashed again on the next pass. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    /**
     * A file changed within this window of being read might change again within the file system's time
     * granularity without its time moving ("racy clean" in git's terms).
     */
    public static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private static final int HASH_BYTES = 16;

    public static Fingerprint of(BasicFileAttributes attributes) {
        return new Fingerprint(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /**
     * This fingerprint as it may be stored after reading the file at {@code readAtNanos}: a modification
     * time inside the racy window is replaced by {@link #UNKNOWN_TIME}, so a same-size edit made in the same
     * clock tick is caught by hashing on the next pass.
     */
    public Fingerprint trusted(long readAtNanos) {
        return readAtNanos - modifiedNanos < RACY_WINDOW_NANOS ? new Fingerprint(size, UNKNOWN_TIME) : this;
    }

    /** The first 128 bits of the SHA-256 of {@code bytes[0, length)}, in hex. */
    public static String contentHash(byte[] bytes, int length) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        digest.update(bytes, 0, length);
        byte[] full = digest.digest();
        return HexFormat.of().formatHex(full, 0, HASH_BYTES);
    }
}
