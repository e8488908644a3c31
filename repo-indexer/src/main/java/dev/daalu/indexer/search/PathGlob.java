package dev.daalu.indexer.search;

import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * A search's path filter in gitignore syntax: {@code *.tf} matches at any depth, {@code modules/**} and
 * {@code modules/} everything under a top-level {@code modules}, {@code /main.tf} only at the root.
 * Immutable and thread-safe.
 */
public final class PathGlob {

    private final String glob;
    private final FastIgnoreRule rule;

    private PathGlob(String glob, FastIgnoreRule rule) {
        this.glob = glob;
        this.rule = rule;
    }

    /** @throws IllegalArgumentException with the reason, when the glob is not a valid pattern */
    public static PathGlob of(String glob) {
        String trimmed = glob.strip();
        if (trimmed.startsWith("!")) {
            throw new IllegalArgumentException("Invalid glob '" + glob + "': a glob selects paths; it cannot start with '!'");
        }
        FastIgnoreRule rule = new FastIgnoreRule(trimmed);
        if (rule.isEmpty()) {
            throw new IllegalArgumentException("Invalid glob '" + glob + "': use gitignore syntax such as *.tf or modules/**");
        }
        return new PathGlob(glob, rule);
    }

    /** Whether the file at {@code relativePath} ('/'-separated) is selected. */
    public boolean matches(String relativePath) {
        return rule.isMatch(relativePath, false, false);
    }

    @Override
    public String toString() {
        return glob;
    }
}
