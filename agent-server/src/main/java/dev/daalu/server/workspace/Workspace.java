package dev.daalu.server.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The workspace root and the only way tools turn a path argument into a file.
 *
 * <p>{@link #resolve} confines every path to the root after resolving {@code ..} and symbolic links:
 * the existing part of the path must lie inside the <em>real</em> root, a link leaving the root is refused,
 * and so is anything under {@code .git} (the agent never reads or writes git's own files). Refusals happen
 * before any I/O on the target and before any approval prompt.
 *
 * <p>Malformed paths are refused outright rather than "fixed": NUL and other control characters,
 * bidirectional-override characters (which make a name display differently from what it is),
 * backslashes and drive letters (Windows forms that mean something else here), and {@code ~} (a shell
 * expansion no file API performs). No URL-decoding happens: {@code %2e%2e} is a literal name.
 *
 * <p>Thread-safe and immutable.
 */
public final class Workspace {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");
    private static final int MAX_PATH_CHARS = 4096;

    private final Path root;

    private Workspace(Path realRoot) {
        this.root = realRoot;
    }

    /**
     * Opens a workspace.
     *
     * @throws IOException when the directory does not exist or is not a directory, with a message saying so
     */
    public static Workspace open(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IOException("workspace " + directory + " is not a directory");
        }
        return new Workspace(directory.toRealPath());
    }

    /** The real path of the root. */
    public Path root() {
        return root;
    }

    /**
     * Resolves a path argument from the model.
     *
     * @param argument relative to the root ("" or "." for the root); an absolute path is accepted only when
     *     it lies inside the root
     * @return the confined path; the target itself need not exist
     * @throws PathRefusedException with a message for the model when the path is refused
     */
    public WorkspacePath resolve(String argument) throws PathRefusedException {
        String text = argument == null ? "" : argument.strip();
        checkCharacters(text);
        Path normalized = normalize(text);
        String relative = toRelative(normalized);
        if (relative.equals(".git") || relative.startsWith(".git/") || relative.contains("/.git/")
                || relative.endsWith("/.git")) {
            throw new PathRefusedException("'" + argument + "' is inside .git, which the agent never reads or writes; "
                    + "use run_command with git instead");
        }
        Path absolute = relative.equals(".") ? root : root.resolve(relative);
        checkLinks(argument, absolute);
        return new WorkspacePath(relative, absolute);
    }

    /** The '/'-separated path of {@code absolute} relative to the root, or null when it is outside. */
    public String relativize(Path absolute) {
        Path normalized = absolute.toAbsolutePath().normalize();
        if (!normalized.startsWith(root)) {
            return null;
        }
        String relative = root.relativize(normalized).toString();
        return relative.isEmpty() ? "." : relative.replace('\\', '/');
    }

    private static void checkCharacters(String text) throws PathRefusedException {
        if (text.length() > MAX_PATH_CHARS) {
            throw new PathRefusedException("invalid path: longer than " + MAX_PATH_CHARS + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new PathRefusedException("invalid path: it contains a control character (code "
                        + (int) c + "); send the plain relative path, e.g. src/main.tf");
            }
            if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f') {
                throw new PathRefusedException("invalid path: it contains a bidirectional-override character (U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + ") that hides the real name");
            }
        }
        if (text.indexOf('\\') >= 0) {
            throw new PathRefusedException("invalid path '" + text + "': use '/' as the separator, relative to the workspace root");
        }
        if (DRIVE_LETTER.matcher(text).matches()) {
            throw new PathRefusedException("invalid path '" + text + "': drive letters do not exist here; "
                    + "use a path relative to the workspace root");
        }
        if (text.equals("~") || text.startsWith("~/") || text.startsWith("~")) {
            throw new PathRefusedException("path '" + text + "' is outside the workspace ('~' is the home directory); "
                    + "use a path relative to the workspace root");
        }
    }

    private Path normalize(String text) throws PathRefusedException {
        if (text.isEmpty() || text.equals(".")) {
            return root;
        }
        try {
            Path candidate = Path.of(text);
            Path absolute = candidate.isAbsolute() ? candidate.normalize() : root.resolve(candidate).normalize();
            if (!absolute.startsWith(root)) {
                throw new PathRefusedException(outside(text));
            }
            return absolute;
        } catch (InvalidPathException e) {
            throw new PathRefusedException("invalid path '" + text + "': " + e.getReason());
        }
    }

    private String toRelative(Path normalized) {
        String relative = root.relativize(normalized).toString();
        return relative.isEmpty() ? "." : relative;
    }

    /**
     * Checks that the deepest existing part of {@code absolute} really lies inside the root, following
     * every link on the way, and that a link at the last component points inside the root too
     * (a dangling link is refused: writing through it would create a file wherever it points).
     */
    private void checkLinks(String argument, Path absolute) throws PathRefusedException {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new PathRefusedException(outside(argument));
        }
        if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            throw new PathRefusedException("'" + argument + "' is a symbolic link to a missing target; "
                    + "the agent does not follow dangling links");
        }
        try {
            Path real = existing.toRealPath();
            if (!real.startsWith(root)) {
                throw new PathRefusedException("'" + argument + "' leads outside the workspace through a symbolic link; "
                        + "only files inside the workspace can be used");
            }
        } catch (IOException e) {
            throw new PathRefusedException("'" + argument + "' cannot be resolved: " + e.getMessage());
        }
    }

    private static String outside(String argument) {
        return "path '" + argument + "' is outside the workspace; use a path relative to the workspace root";
    }
}
