package dev.daalu.server.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Replaces a file's content atomically: the file holds either its old bytes or all of the new ones, never
 * a part, whatever happens (a kill, a full disk, a crash).
 *
 * <p>How: the bytes go to a temporary file in the same directory (so the rename cannot cross file systems),
 * which is fsynced, given the old file's mode, owner and group, and moved over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}; then the directory is fsynced. A link is written through to its
 * target, never replaced. Temporary files are named {@code .daalu-write-<random>.tmp} and recorded in a
 * journal under the state directory before they are created, so {@link #cleanLeftovers()} can remove any
 * that a kill left behind, at the next start, without walking the workspace.
 *
 * <p>Thread-safe.
 */
public final class AtomicWriter {

    static final String TEMP_PREFIX = ".daalu-write-";
    static final String TEMP_SUFFIX = ".tmp";

    private final Path journal;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param journal file listing temporary files in flight (created on demand; its directory must be writable)
     */
    public AtomicWriter(Path journal) {
        this.journal = journal;
    }

    /**
     * Writes {@code content} to {@code target}, creating missing parent directories.
     *
     * @throws IOException when the write fails (the target is then unchanged and the temporary file removed);
     *     a full disk says so
     */
    public void write(Path target, byte[] content) throws IOException {
        Path destination = Files.isSymbolicLink(target) ? target.toRealPath() : target;
        Path directory = destination.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("not written: " + e.getFile() + " is a file, so it cannot hold " + destination.getFileName(), e);
        }
        Path temp = directory.resolve(TEMP_PREFIX + HexFormat.of().formatHex(randomBytes()) + TEMP_SUFFIX);
        record(temp);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            copyAttributes(destination, temp);
            move(temp, destination);
            syncDirectory(directory);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw describe(e, destination);
        } finally {
            forget(temp);
        }
    }

    /** Removes temporary files that an interrupted write left behind; returns how many. */
    public synchronized int cleanLeftovers() throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        int removed = 0;
        for (String line : Files.readAllLines(journal)) {
            Path leftover = Path.of(line);
            String name = leftover.getFileName() == null ? "" : leftover.getFileName().toString();
            if (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX) && Files.deleteIfExists(leftover)) {
                removed++;
            }
        }
        Files.delete(journal);
        return removed;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void move(Path temp, Path destination) throws IOException {
        try {
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + destination.getParent() + " cannot rename atomically; not written", e);
        }
    }

    /** Keeps the old file's mode (never widening it), owner and group; a new file keeps the umask's mode. */
    private static void copyAttributes(Path original, Path temp) throws IOException {
        if (!Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView source = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        PosixFileAttributeView copy = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (source == null || copy == null) {
            return;
        }
        PosixFileAttributes attributes = source.readAttributes();
        copy.setPermissions(attributes.permissions());
        UserPrincipal owner = attributes.owner();
        GroupPrincipal group = attributes.group();
        try {
            if (!copy.getOwner().equals(owner)) {
                copy.setOwner(owner);
            }
            if (!copy.readAttributes().group().equals(group)) {
                copy.setGroup(group);
            }
        } catch (IOException | SecurityException e) {
            // only a privileged process may hand a file to another owner; the content and mode still stand
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot fsync a directory; the rename itself is still atomic
        }
    }

    private static IOException describe(IOException e, Path destination) {
        String message = String.valueOf(e.getMessage());
        String reason = e instanceof FileSystemException fs ? fs.getReason() : null;
        if ("No space left on device".equals(reason) || message.endsWith("No space left on device")) {
            return new IOException("not written: the disk holding " + destination.getParent()
                    + " is full; the file is unchanged", e);
        }
        return new IOException("not written: " + message + "; the file is unchanged", e);
    }

    private synchronized void record(Path temp) throws IOException {
        Files.createDirectories(journal.toAbsolutePath().getParent());
        Files.writeString(journal, temp.toAbsolutePath() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private synchronized void forget(Path temp) {
        try {
            if (!Files.exists(journal)) {
                return;
            }
            List<String> kept = new ArrayList<>();
            String entry = temp.toAbsolutePath().toString();
            for (String line : Files.readAllLines(journal)) {
                if (!line.equals(entry)) {
                    kept.add(line);
                }
            }
            if (kept.isEmpty()) {
                Files.delete(journal);
            } else {
                Files.write(journal, kept);
            }
        } catch (IOException e) {
            // a stale journal entry only means a harmless deleteIfExists at the next start
        }
    }
}
