package dev.daalu.server.protocol;

import java.util.List;

/** {@code workspace/didChangeWatchedFiles} params, as in LSP. */
public record DidChangeWatchedFilesParams(List<FileEvent> changes) {

    public static final int CREATED = 1;
    public static final int CHANGED = 2;
    public static final int DELETED = 3;

    /** A {@code file://} URI (or absolute path) and what happened to it. */
    public record FileEvent(String uri, int type) { }
}
