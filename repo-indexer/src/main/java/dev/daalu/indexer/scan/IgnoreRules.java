package dev.daalu.indexer.scan;

import org.eclipse.jgit.ignore.IgnoreNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Git's ignore rules for one workspace, evaluated with JGit's {@link IgnoreNode}: one node per directory level
 * that has a {@code .gitignore} and/or {@code .daaluignore} (the latter's rules come last, so they win at
 * their level), then {@code info/exclude} of the enclosing repository. The deepest level with a matching rule
 * decides, and inside a level the last matching rule, as in git, so negations work the way git applies them.
 * When the workspace is a subdirectory of a repository, the {@code .gitignore} files above it apply too.
 *
 * <p>Not consulted: the global {@code core.excludesFile}, which is per user rather than per repository.
 *
 * <p>Levels are immutable and cheap; a walk extends them as it descends. Thread-safe.
 */
public final class IgnoreRules {

    public static final String GITIGNORE = ".gitignore";
    public static final String DAALUIGNORE = ".daaluignore";

    /** The rules of one directory, linked to its parent's; null stands for "no rules above". */
    public record Level(Level parent, String base, IgnoreNode node) { }

    private final boolean respectGitignore;
    private final String rootPrefix;
    private final Level above;
    private final IgnoreNode exclude;

    private IgnoreRules(boolean respectGitignore, String rootPrefix, Level above, IgnoreNode exclude) {
        this.respectGitignore = respectGitignore;
        this.rootPrefix = rootPrefix;
        this.above = above;
        this.exclude = exclude;
    }

    /**
     * Loads the rules that apply from above the root: the enclosing repository's {@code info/exclude} and the
     * {@code .gitignore} files between its top and the root. With {@code respectGitignore} false only
     * {@code .daaluignore} files count.
     */
    public static IgnoreRules load(Path realRoot, boolean respectGitignore) throws IOException {
        if (!respectGitignore) {
            return new IgnoreRules(false, "", null, null);
        }
        Path top = realRoot;
        while (top != null && !Files.exists(top.resolve(".git"))) {
            top = top.getParent();
        }
        if (top == null) {
            return new IgnoreRules(true, "", null, null);
        }
        String prefix = top.relativize(realRoot).toString().replace('\\', '/');
        prefix = prefix.isEmpty() ? "" : prefix + "/";
        Level above = null;
        Path dir = top;
        String base = "";
        while (!dir.equals(realRoot)) {
            IgnoreNode node = parse(null, dir.resolve(GITIGNORE));
            if (node != null) {
                above = new Level(above, base, node);
            }
            String next = realRoot.getName(dir.getNameCount()).toString();
            dir = dir.resolve(next);
            base = base + next + "/";
        }
        return new IgnoreRules(true, prefix, above, parse(null, excludeFile(top)));
    }

    /** The rules in force above the root directory (before its own ignore files). */
    public Level above() {
        return above;
    }

    /**
     * The rules in force inside {@code dir} (at {@code relativeDir} from the root), given those of its parent:
     * the parent's, plus the directory's own ignore files when it has any.
     */
    public Level enter(Level parent, String relativeDir, Path dir, boolean hasGitignore, boolean hasDaaluignore)
            throws IOException {
        IgnoreNode node = null;
        if (hasGitignore && respectGitignore) {
            node = parse(null, dir.resolve(GITIGNORE));
        }
        if (hasDaaluignore) {
            node = parse(node, dir.resolve(DAALUIGNORE));
        }
        if (node == null) {
            return parent;
        }
        return new Level(parent, rootPrefix + (relativeDir.isEmpty() ? "" : relativeDir + "/"), node);
    }

    /** {@link #enter} for a directory whose listing was not read: looks for the ignore files by name. */
    public Level enter(Level parent, String relativeDir, Path dir) throws IOException {
        return enter(parent, relativeDir, dir, Files.isRegularFile(dir.resolve(GITIGNORE)),
                Files.isRegularFile(dir.resolve(DAALUIGNORE)));
    }

    /** Whether the entry at {@code relativePath} (from the root), seen from its parent's {@code level}, is ignored. */
    public boolean isIgnored(Level level, String relativePath, boolean directory) {
        String fromTop = rootPrefix + relativePath;
        for (Level l = level; l != null; l = l.parent()) {
            Boolean ignored = l.node().checkIgnored(fromTop.substring(l.base().length()), directory);
            if (ignored != null) {
                return ignored;
            }
        }
        if (exclude != null) {
            Boolean ignored = exclude.checkIgnored(fromTop, directory);
            return ignored != null && ignored;
        }
        return false;
    }

    private static String firstLine(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
    }

    private static IgnoreNode parse(IgnoreNode into, Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return into;
        }
        IgnoreNode node = into == null ? new IgnoreNode() : into;
        try (InputStream in = Files.newInputStream(file)) {
            node.parse(in);
        }
        return node;
    }

    // .git is a directory, or (worktrees, submodules) a file "gitdir: <path>"; a worktree's info/exclude
    // lives in the common directory its "commondir" file names
    private static Path excludeFile(Path top) throws IOException {
        Path dotGit = top.resolve(".git");
        Path gitDir = dotGit;
        if (Files.isRegularFile(dotGit)) {
            String line = firstLine(dotGit);
            if (!line.startsWith("gitdir:")) {
                return null;
            }
            gitDir = top.resolve(line.substring("gitdir:".length()).strip());
        }
        Path commonDir = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            commonDir = gitDir.resolve(firstLine(commonFile)).normalize();
        }
        return commonDir.resolve("info/exclude");
    }
}
