package dev.daalu.indexer.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Walks the workspace the way git sees it: ignored directories are pruned as they are met (so a file
 * re-included under an excluded directory stays excluded, as in git), {@code .git} is never entered, and
 * entries come in name order, each directory before its children.
 *
 * <p>Symbolic links are never followed, wherever they point: a link is reported as a
 * {@link WalkEntry.Kind#SYMLINK} entry (so listings show it) and nothing behind it is read. A link to a file
 * inside the workspace is therefore not indexed under its link path; its target is, under its own path (this
 * is also what {@code rg} does by default). Directories are tracked by file key, so a bind-mount loop cannot
 * make the walk run forever. Sockets, FIFOs and devices are skipped: opening a FIFO would block.
 *
 * <p>Thread-safe: every walk keeps its own state. {@link #walkConcurrently} lists directories in parallel.
 */
public final class WorkspaceWalker {

    /** Receives the walk's entries, in order. */
    public interface Visitor {
        /** @return false to stop the walk */
        boolean visit(WalkEntry entry);

        /** A directory or entry that could not be read; the walk goes on. */
        default void problem(String relativePath, String message) {
        }
    }

    private final Path root;
    private final IgnoreRules rules;

    /**
     * @param realRoot the workspace root with symlinks resolved
     * @param rules its ignore rules
     */
    public WorkspaceWalker(Path realRoot, IgnoreRules rules) {
        this.root = realRoot;
        this.rules = rules;
    }

    /**
     * Walks {@code startDir} (relative to the root; "" for the root) down to {@code maxDepth} levels
     * (1 = its direct children). Nothing is visited when the directory itself is ignored or lies inside
     * {@code .git}.
     *
     * @throws NoSuchFileException when the directory does not exist
     * @throws NotDirectoryException when it is a file
     * @throws IllegalArgumentException when the path leaves the root or passes through a symbolic link
     */
    public void walk(String startDir, int maxDepth, Visitor visitor) throws IOException {
        Start start = start(startDir);
        if (start != null) {
            walkDirectory(start.dir, start.relative, start.level, maxDepth, visitor, new HashSet<>());
        }
    }

    /**
     * The entry at {@code relativePath} if it exists and the index may see it: not ignored, not inside
     * {@code .git}, and not reached through a symbolic link. Empty otherwise.
     */
    public Optional<WalkEntry> lookup(String relativePath) throws IOException {
        int slash = relativePath.lastIndexOf('/');
        String parent = slash < 0 ? "" : relativePath.substring(0, slash);
        String name = relativePath.substring(slash + 1);
        if (name.equals(".git") || name.isEmpty()) {
            return Optional.empty();
        }
        Start start;
        try {
            start = start(parent);
        } catch (NoSuchFileException | NotDirectoryException | IllegalArgumentException gone) {
            return Optional.empty();
        }
        if (start == null) {
            return Optional.empty();
        }
        IgnoreRules.Level level = rules.enter(start.level, start.relative, start.dir);
        Optional<WalkEntry> entry = entry(start.dir.resolve(name), relativePath);
        if (entry.isEmpty() || rules.isIgnored(level, relativePath, entry.get().kind() == WalkEntry.Kind.DIRECTORY)) {
            return Optional.empty();
        }
        return entry;
    }

    private record Start(Path dir, String relative, IgnoreRules.Level level) { }

    /** A directory entry, ordered by name. */
    private record Child(String name, Path path) implements Comparable<Child> {
        @Override
        public int compareTo(Child other) {
            return name.compareTo(other.name);
        }
    }

    // Descends from the root to startDir, collecting the ignore rules of every directory above it; null when
    // startDir is ignored
    private Start start(String startDir) throws IOException {
        String relative = normalize(startDir);
        IgnoreRules.Level level = rules.above();
        Path dir = root;
        String at = "";
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(root.toString(), null, "the workspace root is gone");
        }
        for (String segment : relative.isEmpty() ? new String[0] : relative.split("/")) {
            if (segment.equals(".git")) {
                return null;
            }
            level = rules.enter(level, at, dir);
            String next = at.isEmpty() ? segment : at + "/" + segment;
            Path nextDir = dir.resolve(segment);
            BasicFileAttributes attributes = Files.readAttributes(nextDir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                throw new IllegalArgumentException("'" + next + "' is a symbolic link; the index does not follow links");
            }
            if (!attributes.isDirectory()) {
                throw new NotDirectoryException(next);
            }
            if (rules.isIgnored(level, next, true)) {
                return null;
            }
            at = next;
            dir = nextDir;
        }
        return new Start(dir, at, level);
    }

    private static String normalize(String relativeDir) {
        String path = relativeDir.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.equals(".")) {
            path = "";
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("'" + relativeDir + "' must be relative to the workspace root");
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || (segment.isEmpty() && !path.isEmpty()) || segment.equals(".")) {
                throw new IllegalArgumentException("'" + relativeDir + "' is not a plain path inside the workspace");
            }
        }
        return path;
    }

    private boolean walkDirectory(Path dir, String relative, IgnoreRules.Level parentLevel, int depthLeft,
                                  Visitor visitor, Set<Object> seenDirectories) {
        return visitChildren(dir, relative, parentLevel, visitor, seenDirectories, (child, childRelative, level) ->
                depthLeft <= 1 || walkDirectory(child, childRelative, level, depthLeft - 1, visitor, seenDirectories));
    }

    /** What to do with a visited subdirectory; false stops the walk. */
    @FunctionalInterface
    private interface Descent {
        boolean into(Path dir, String relative, IgnoreRules.Level level);
    }

    // Lists dir, visits each entry the rules let through, in name order, and hands subdirectories to descent
    private boolean visitChildren(Path dir, String relative, IgnoreRules.Level parentLevel, Visitor visitor,
                                  Set<Object> seenDirectories, Descent descent) {
        List<Child> children = new ArrayList<>();
        boolean hasGitignore = false;
        boolean hasDaaluignore = false;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                hasGitignore |= name.equals(IgnoreRules.GITIGNORE);
                hasDaaluignore |= name.equals(IgnoreRules.DAALUIGNORE);
                children.add(new Child(name, child));
            }
        } catch (IOException e) {
            visitor.problem(relative, "cannot list directory: " + describe(e));
            return true;
        }
        children.sort(null);
        IgnoreRules.Level level;
        try {
            level = rules.enter(parentLevel, relative, dir, hasGitignore, hasDaaluignore);
        } catch (IOException e) {
            visitor.problem(relative, "cannot read ignore file: " + describe(e));
            level = parentLevel;
        }
        for (Child entry : children) {
            String name = entry.name();
            if (name.equals(".git")) {
                continue;
            }
            String childRelative = relative.isEmpty() ? name : relative + "/" + name;
            Path child = entry.path();
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException gone) {
                continue;
            } catch (IOException e) {
                visitor.problem(childRelative, "cannot read attributes: " + describe(e));
                continue;
            }
            boolean directory = attributes.isDirectory();
            if (!directory && !attributes.isRegularFile() && !attributes.isSymbolicLink()) {
                continue;
            }
            if (rules.isIgnored(level, childRelative, directory)) {
                continue;
            }
            if (directory) {
                Object key = attributes.fileKey() != null ? attributes.fileKey() : child;
                if (!seenDirectories.add(key)) {
                    continue;
                }
            }
            if (!visitor.visit(toEntry(childRelative, attributes)) || (directory && !descent.into(child, childRelative, level))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #walk} over every depth with directories listed concurrently on {@code pool}: the same entries,
     * in no particular order, with {@code visitor} called from several threads at once (it must be
     * thread-safe). For a full pass, where order does not matter and listing and {@code lstat} dominate.
     */
    public void walkConcurrently(String startDir, Visitor visitor, ForkJoinPool pool) throws IOException {
        Start start = start(startDir);
        if (start != null) {
            pool.invoke(new DirectoryTask(start.dir, start.relative, start.level, visitor,
                    ConcurrentHashMap.newKeySet(), new AtomicBoolean()));
        }
    }

    /** One directory of a concurrent walk; its subdirectories become tasks of their own. */
    private final class DirectoryTask extends RecursiveAction {
        private final Path dir;
        private final String relative;
        private final IgnoreRules.Level level;
        private final Visitor visitor;
        private final Set<Object> seen;
        private final AtomicBoolean stopped;

        DirectoryTask(Path dir, String relative, IgnoreRules.Level level, Visitor visitor, Set<Object> seen,
                      AtomicBoolean stopped) {
            this.dir = dir;
            this.relative = relative;
            this.level = level;
            this.visitor = visitor;
            this.seen = seen;
            this.stopped = stopped;
        }

        @Override
        protected void compute() {
            if (stopped.get()) {
                return;
            }
            List<DirectoryTask> below = new ArrayList<>();
            boolean more = visitChildren(dir, relative, level, visitor, seen, (child, childRelative, childLevel) -> {
                below.add(new DirectoryTask(child, childRelative, childLevel, visitor, seen, stopped));
                return !stopped.get();
            });
            if (!more) {
                stopped.set(true);
                return;
            }
            invokeAll(below);
        }
    }

    private static Optional<WalkEntry> entry(Path path, String relative) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory() && !attributes.isRegularFile() && !attributes.isSymbolicLink()) {
                return Optional.empty();
            }
            return Optional.of(toEntry(relative, attributes));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    private static WalkEntry toEntry(String relative, BasicFileAttributes attributes) {
        WalkEntry.Kind kind = attributes.isSymbolicLink() ? WalkEntry.Kind.SYMLINK
                : attributes.isDirectory() ? WalkEntry.Kind.DIRECTORY : WalkEntry.Kind.FILE;
        long size = kind == WalkEntry.Kind.FILE ? attributes.size() : 0;
        return new WalkEntry(relative, kind, size, Fingerprint.of(attributes).modifiedNanos());
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
