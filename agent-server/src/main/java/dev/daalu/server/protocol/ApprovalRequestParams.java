package dev.daalu.server.protocol;

import com.google.gson.JsonElement;

/**
 * {@code approval/request} params: exactly what will happen if the user approves.
 *
 * @param approvalId identifies this request; the answer applies to this preview only
 * @param callId the tool call it belongs to
 * @param tool {@code write_file}, {@code edit_file}, {@code run_command}, or {@code read_file} for a secret file
 * @param arguments the tool call's arguments
 * @param preview what will change or run
 */
public record ApprovalRequestParams(String sessionId, String turnId, String approvalId, String callId, String tool,
                                    JsonElement arguments, Preview preview) {

    /**
     * @param kind {@code write} (a file change), {@code command} (a shell command) or {@code read} (a secret file)
     * @param summary one line for the user, e.g. "Edit modules/s3/main.tf (+4 -1)"
     * @param path the file, relative to the workspace root, for {@code write} and {@code read}
     * @param diff unified diff of the change (the whole file as additions when it is new)
     * @param newFile whether the file does not exist yet
     * @param proposedContent the complete new content of the file (for the editor's diff view)
     * @param command the exact command that will run under {@code bash -lc}
     * @param cwd the working directory, relative to the workspace root ("." for the root)
     * @param timeoutSeconds the command's timeout
     */
    public record Preview(String kind, String summary, String path, String diff, boolean newFile,
                          String proposedContent, String command, String cwd, Integer timeoutSeconds) { }
}
