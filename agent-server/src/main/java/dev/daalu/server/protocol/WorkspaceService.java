package dev.daalu.server.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** {@code workspace/*}. */
@JsonSegment("workspace")
public interface WorkspaceService {

    /** File-change events from the editor's watcher; fed to the incremental index. */
    @JsonNotification
    void didChangeWatchedFiles(DidChangeWatchedFilesParams params);
}
