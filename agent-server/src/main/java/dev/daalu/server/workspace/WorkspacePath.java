package dev.daalu.server.workspace;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A path confined to the workspace.
 *
 * @param relative '/'-separated path relative to the root; "." for the root itself
 * @param absolute the absolute path to use for I/O (its existing part lies inside the real root)
 */
public record WorkspacePath(String relative, Path absolute) {

    public WorkspacePath {
        Objects.requireNonNull(relative, "relative");
        Objects.requireNonNull(absolute, "absolute");
    }

    public boolean exists() {
        return Files.exists(absolute, LinkOption.NOFOLLOW_LINKS);
    }

    public boolean isDirectory() {
        return Files.isDirectory(absolute);
    }

    public boolean isRoot() {
        return relative.equals(".");
    }
}
