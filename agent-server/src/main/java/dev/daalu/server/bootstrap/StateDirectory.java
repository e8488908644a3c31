package dev.daalu.server.bootstrap;

import dev.daalu.server.bootstrap.SeedingException.Reason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * This product's private state: {@code $XDG_STATE_HOME/daalu} (default {@code ~/.local/state/daalu}), a
 * directory of mode 0700 holding files of mode 0600, each replaced atomically (a reader sees the old content or
 * the new, never a part). Thread-safe.
 */
public final class StateDirectory {

    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final SecureRandom random = new SecureRandom();

    public StateDirectory(Path path) {
        this.path = path.toAbsolutePath();
    }

    /**
     * The directory the XDG base-directory rules name: {@code $XDG_STATE_HOME/daalu} when that variable is an
     * absolute path (the spec ignores relative ones), else {@code $HOME/.local/state/daalu}.
     *
     * @throws SeedingException ({@link Reason#IO}) when neither variable is usable
     */
    public static StateDirectory fromEnvironment(Map<String, String> env) throws SeedingException {
        String state = env.get("XDG_STATE_HOME");
        if (state != null && Path.of(state).isAbsolute()) {
            return new StateDirectory(Path.of(state, "daalu"));
        }
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            throw new SeedingException(Reason.IO, "neither XDG_STATE_HOME nor HOME is set, so there is nowhere to "
                    + "keep daalu's state; set one of them");
        }
        return new StateDirectory(Path.of(home, ".local", "state", "daalu"));
    }

    public Path path() {
        return path;
    }

    public boolean exists(String name) {
        return Files.isRegularFile(path.resolve(name));
    }

    /** The file's bytes, or empty when there is no such file. */
    public Optional<byte[]> read(String name) throws SeedingException {
        Path file = path.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SeedingException(Reason.IO, "could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code name} with {@code content}, creating the directory (0700) if needed and tightening its
     * mode if it was looser. The file is created 0600 before any byte is written.
     */
    public void write(String name, byte[] content) throws SeedingException {
        Path target = path.resolve(name);
        Path temp = path.resolve("." + name + "." + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        try {
            ensureDirectory();
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FILE_MODE);
            try (FileChannel channel = FileChannel.open(temp,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), mode)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(path, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new SeedingException(Reason.IO, "could not write " + target + ": " + e.getMessage(), e);
        }
    }

    private void ensureDirectory() throws IOException {
        if (!Files.isDirectory(path)) {
            Files.createDirectories(path.getParent());
            Files.createDirectories(path, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        }
        // createDirectories leaves the mode of a directory that already existed, and the umask may narrow ours
        Files.setPosixFilePermissions(path, DIRECTORY_MODE);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the write already failed; that error is the one to report
        }
    }
}
