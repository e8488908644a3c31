package dev.daalu.server.bootstrap;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Where a clone is made before it becomes the workspace, so that a failed clone leaves nothing behind.
 *
 * <p>The staging directory is a hidden {@value #PREFIX}* directory inside the workspace folder (created if
 * missing), not beside it: the workspace is often a mounted volume, which cannot be renamed onto and whose
 * parent may not be writable. {@link #commit()} moves each entry up into the workspace (renames within one file
 * system), {@code .git} last, so the workspace only looks like a repository once it has all its files;
 * {@link #close()} without a commit deletes the staging directory, and the workspace folder too if this created
 * it. A staging directory left by a killed process is recognised by its prefix and removed by
 * {@link #removeLeftovers}. Not thread-safe: one clone at a time.
 */
final class StagingDirectory implements AutoCloseable {

    static final String PREFIX = ".daalu-seed-";
    /** Entries a fresh, empty volume may already hold; they do not make a workspace non-empty. */
    static final Set<String> IGNORED_ENTRIES = Set.of("lost+found");

    private final Path workspace;
    private final Path path;
    private final boolean createdWorkspace;
    private boolean committed;

    private StagingDirectory(Path workspace, Path path, boolean createdWorkspace) {
        this.workspace = workspace;
        this.path = path;
        this.createdWorkspace = createdWorkspace;
    }

    /** Creates the workspace folder if missing and an empty staging directory inside it. */
    static StagingDirectory create(Path workspace) throws IOException {
        boolean created = !Files.exists(workspace);
        Files.createDirectories(workspace);
        try {
            return new StagingDirectory(workspace, Files.createTempDirectory(workspace, PREFIX), created);
        } catch (IOException e) {
            if (created) {
                Files.deleteIfExists(workspace);
            }
            throw e;
        }
    }

    /** Whether {@code workspace} is missing or holds nothing but {@link #IGNORED_ENTRIES} and staging leftovers. */
    static boolean isEmpty(Path workspace) throws IOException {
        if (!Files.exists(workspace)) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(workspace)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!IGNORED_ENTRIES.contains(name) && !name.startsWith(PREFIX)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Deletes staging directories that a killed clone left in {@code workspace}. */
    static void removeLeftovers(Path workspace) throws IOException {
        if (!Files.isDirectory(workspace)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(workspace, PREFIX + "*")) {
            for (Path leftover : leftovers) {
                deleteTree(leftover);
            }
        }
    }

    Path path() {
        return path;
    }

    /**
     * Moves the staged entries into the workspace. On failure the entries already moved are deleted again, so
     * the workspace is as empty as before, and the error is rethrown.
     */
    void commit() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
            stream.forEach(entries::add);
        }
        entries.sort(Comparator.comparing((Path entry) -> entry.getFileName().toString().equals(".git")));
        List<Path> moved = new ArrayList<>();
        try {
            for (Path entry : entries) {
                Path target = workspace.resolve(entry.getFileName().toString());
                Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
                moved.add(target);
            }
            Files.delete(path);
            committed = true;
        } catch (IOException e) {
            for (Path target : moved) {
                deleteTree(target);
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        deleteTree(path);
        if (createdWorkspace && isEmpty(workspace)) {
            deleteTree(workspace);
        }
    }

    /** Deletes {@code root} and everything under it, without following links. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
