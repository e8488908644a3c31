package dev.daalu.server.approval;

import java.util.Objects;

/**
 * Exactly what a side effect will do, as shown to the user. Built by a tool's prepare step from the
 * same values it will use when it runs, so what is approved is what runs.
 *
 * @param kind what sort of side effect
 * @param summary one line, e.g. "Edit modules/s3/main.tf (+4 -1)" or "Run: terraform validate"
 * @param path for {@link Kind#WRITE} and {@link Kind#READ}: the file, relative to the workspace root
 * @param diff for {@link Kind#WRITE}: a unified diff against the current file (all additions for a new file)
 * @param newFile for {@link Kind#WRITE}: whether the file does not exist yet
 * @param proposedContent for {@link Kind#WRITE}: the complete new text
 * @param command for {@link Kind#COMMAND}: the exact command line given to {@code bash -lc}
 * @param cwd for {@link Kind#COMMAND}: working directory relative to the workspace root ("." for the root)
 * @param timeoutSeconds for {@link Kind#COMMAND}: the timeout
 */
public record ApprovalPreview(Kind kind, String summary, String path, String diff, boolean newFile,
                              String proposedContent, String command, String cwd, Integer timeoutSeconds) {

    public enum Kind { WRITE, COMMAND, READ }

    public ApprovalPreview {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
    }

    public static ApprovalPreview write(String summary, String path, String diff, boolean newFile, String proposedContent) {
        return new ApprovalPreview(Kind.WRITE, summary, path, diff, newFile, proposedContent, null, null, null);
    }

    public static ApprovalPreview command(String summary, String command, String cwd, int timeoutSeconds) {
        return new ApprovalPreview(Kind.COMMAND, summary, null, null, false, null, command, cwd, timeoutSeconds);
    }

    public static ApprovalPreview read(String summary, String path) {
        return new ApprovalPreview(Kind.READ, summary, path, null, false, null, null, null, null);
    }
}
