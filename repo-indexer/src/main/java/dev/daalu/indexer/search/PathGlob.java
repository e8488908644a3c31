package dev.daalu.indexer.search;

import org.eclipse.jgit.ignore.FastIgnoreRule;

import java.util.ArrayList;
import java.util.List;

/**
 * A search's path filter: a comma-separated list of globs in gitignore syntax, as VS Code's "files to include"
 * takes them, with {@code rg -g}'s braces and negation. {@code *.tf} matches at any depth, {@code modules/**}
 * and {@code modules/} everything under a top-level {@code modules}, {@code /main.tf} only at the root,
 * {@code *.{tf,tfvars}} either extension, and {@code !*.lock.hcl} leaves files out. A path is selected when it
 * matches one of the plain globs (or there are none) and none of the negated ones. Immutable and thread-safe.
 */
public final class PathGlob {

    /** Braces multiply alternatives; past this many a glob is refused rather than matched slowly. */
    static final int MAX_ALTERNATIVES = 256;
    /** Longer than any path filter a person or a model writes; a longer one is refused before it is parsed. */
    static final int MAX_LENGTH = 4096;

    private final String glob;
    private final List<FastIgnoreRule> include;
    private final List<FastIgnoreRule> exclude;

    private PathGlob(String glob, List<FastIgnoreRule> include, List<FastIgnoreRule> exclude) {
        this.glob = glob;
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
    }

    /** @throws IllegalArgumentException with the reason, when the glob is not a valid pattern */
    public static PathGlob of(String glob) {
        if (glob.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Invalid glob: " + glob.length() + " characters; at most " + MAX_LENGTH);
        }
        List<FastIgnoreRule> include = new ArrayList<>();
        List<FastIgnoreRule> exclude = new ArrayList<>();
        for (String part : splitOutsideBraces(glob)) {
            String pattern = part.strip();
            boolean negated = pattern.startsWith("!");
            pattern = negated ? pattern.substring(1).strip() : pattern;
            if (pattern.isEmpty()) {
                continue;
            }
            List<String> alternatives = new ArrayList<>();
            expandBraces(pattern, alternatives, glob);
            for (String alternative : alternatives) {
                FastIgnoreRule rule = new FastIgnoreRule(alternative);
                if (rule.isEmpty()) {
                    throw new IllegalArgumentException("Invalid glob '" + glob + "': '" + alternative
                            + "' is not a pattern; use gitignore syntax such as *.tf, modules/** or *.{tf,tfvars}");
                }
                (negated ? exclude : include).add(rule);
            }
        }
        if (include.isEmpty() && exclude.isEmpty()) {
            throw new IllegalArgumentException("Invalid glob '" + glob + "': use gitignore syntax such as *.tf or modules/**");
        }
        return new PathGlob(glob, include, exclude);
    }

    /** Whether the file at {@code relativePath} ('/'-separated) is selected. */
    public boolean matches(String relativePath) {
        for (FastIgnoreRule rule : exclude) {
            if (rule.isMatch(relativePath, false, false)) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (FastIgnoreRule rule : include) {
            if (rule.isMatch(relativePath, false, false)) {
                return true;
            }
        }
        return false;
    }

    // "a,{b,c}" -> ["a", "{b,c}"]: commas inside braces separate alternatives, not globs
    private static List<String> splitOutsideBraces(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    // "*.{tf,tfvars}" -> "*.tf", "*.tfvars"; nested braces expand in turn
    private static void expandBraces(String pattern, List<String> into, String glob) {
        int open = pattern.indexOf('{');
        int close = open < 0 ? -1 : matchingBrace(pattern, open);
        if (open >= 0 && close < 0) {
            throw new IllegalArgumentException("Invalid glob '" + glob + "': a '{' is never closed; write alternatives "
                    + "as *.{tf,tfvars}");
        }
        if (close < 0) {
            if (into.size() >= MAX_ALTERNATIVES) {
                throw new IllegalArgumentException("Invalid glob '" + glob + "': its braces make more than "
                        + MAX_ALTERNATIVES + " patterns");
            }
            into.add(pattern);
            return;
        }
        String head = pattern.substring(0, open);
        String tail = pattern.substring(close + 1);
        for (String alternative : splitOutsideBraces(pattern.substring(open + 1, close))) {
            expandBraces(head + alternative + tail, into, glob);
        }
    }

    private static int matchingBrace(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '{') {
                depth++;
            } else if (pattern.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return glob;
    }
}
