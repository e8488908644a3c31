package dev.daalu.indexer.lucene;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The index of a process that finds the workspace's index held by another daalu process (the chat view's
 * server, and {@code daalu chat} in a terminal beside it): a sibling directory {@code <index>.pid<N>} that
 * starts as the other process's last commit, so the next pass re-reads only what changed since. Lucene never
 * rewrites a file it has written, so hard links to the files of one commit are a snapshot of it.
 *
 * <p>The copy is this process's alone and is deleted when its store closes or the JVM exits; copies left by
 * processes that are gone (killed with SIGKILL, crashed) are deleted by the next process to open the index.
 */
final class PrivateIndexCopy {

    private static final String MARK = ".pid";
    private static final int ATTEMPTS = 3;

    private PrivateIndexCopy() {
    }

    /** Makes this process's copy of {@code shared}: its latest commit, or an empty directory when it has none. */
    static Path create(Path shared) throws IOException {
        Path copy = shared.resolveSibling(shared.getFileName() + MARK + ProcessHandle.current().pid());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            delete(copy);
            Files.createDirectories(copy);
            try {
                linkLatestCommit(shared, copy);
                return copy;
            } catch (NoSuchFileException e) {
                // the owner committed again and dropped a file of the commit being linked: take the newer one
            }
        }
        delete(copy);
        Files.createDirectories(copy);
        return copy;
    }

    /**
     * Deletes a copy and everything in it; nothing when it does not exist. Files that vanish meanwhile (another
     * process cleaning the same leftover copy) are no error.
     */
    static void delete(Path copy) throws IOException {
        if (!Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(copy, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                try {
                    Files.deleteIfExists(directory);
                } catch (DirectoryNotEmptyException raced) {
                    // another process is still deleting (or, for a live copy, writing) in it: leave it to them
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes the copies of {@code shared} left by processes that are gone (killed, crashed): done by every
     * process that opens the index, so a leftover never outlives the next start.
     */
    static void deleteCopiesOfEndedProcesses(Path shared) throws IOException {
        Path parent = shared.toAbsolutePath().getParent();
        String prefix = shared.getFileName() + MARK;
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path sibling : siblings) {
                String pid = sibling.getFileName().toString().substring(prefix.length());
                if (pid.matches("[0-9]{1,18}") && !alive(Long.parseLong(pid))) {
                    delete(sibling);
                }
            }
        }
    }

    /** Deletes the copy when the JVM ends without closing its store (SIGTERM, a closed terminal). */
    static Thread deleteAtExit(Path copy) {
        Thread hook = new Thread(() -> {
            try {
                delete(copy);
            } catch (IOException | RuntimeException e) {
                // the next process to open the index deletes what is left
            }
        }, "daalu-index-copy-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void linkLatestCommit(Path shared, Path copy) throws IOException {
        try (FSDirectory directory = FSDirectory.open(shared)) {
            if (!DirectoryReader.indexExists(directory)) {
                return;
            }
            for (String file : SegmentInfos.readLatestCommit(directory).files(true)) {
                try {
                    Files.createLink(copy.resolve(file), shared.resolve(file));
                } catch (UnsupportedOperationException | FileSystemException e) {
                    if (e instanceof NoSuchFileException missing) {
                        throw missing;
                    }
                    Files.copy(shared.resolve(file), copy.resolve(file)); // a file system without hard links
                }
            }
        }
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive();
    }
}
