package dev.daalu.server.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A file's bytes as read at one moment, so a change shown to the user can be applied only if the file is
 * still what it was when the change was prepared.
 *
 * @param path the confined path
 * @param bytes the content, or null when the file did not exist
 */
public record FileSnapshot(WorkspacePath path, byte[] bytes) {

    /** Files larger than this are not loaded whole by the file tools. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Reads the file (or notes that it does not exist).
     *
     * @throws IOException when it cannot be read, or is larger than {@code maxBytes} (the message says so)
     */
    public static FileSnapshot read(WorkspacePath path, long maxBytes) throws IOException {
        try {
            long size = Files.size(path.absolute());
            if (size > maxBytes) {
                throw new IOException(path.relative() + " is " + size + " bytes, more than the " + maxBytes
                        + " the file tools load; use search_files or run_command (head, sed -n) on it");
            }
            return new FileSnapshot(path, Files.readAllBytes(path.absolute()));
        } catch (NoSuchFileException e) {
            return new FileSnapshot(path, null);
        }
    }

    public boolean exists() {
        return bytes != null;
    }

    /** Whether the file on disk still holds exactly these bytes (or still does not exist). */
    public boolean isCurrent() throws IOException {
        FileSnapshot now = read(path, Long.MAX_VALUE);
        if (bytes == null || now.bytes == null) {
            return bytes == null && now.bytes == null;
        }
        return bytes.length == now.bytes.length && Arrays.equals(digest(bytes), digest(now.bytes));
    }

    private static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
