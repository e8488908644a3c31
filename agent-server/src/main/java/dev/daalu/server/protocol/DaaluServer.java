package dev.daalu.server.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

import java.util.concurrent.CompletableFuture;

/**
 * Methods the client calls on the server. Every request returns at once with a future that
 * completes on the server's own executor, so the reading thread is never blocked.
 */
public interface DaaluServer {

    /** Opens the workspace, starts indexing, and reports the model in use. Must come first. */
    @JsonRequest
    CompletableFuture<InitializeResult> initialize(InitializeParams params);

    /** Stops accepting turns, cancels running ones, and flushes the index. */
    @JsonRequest
    CompletableFuture<Object> shutdown();

    /**
     * Liveness check that needs no workspace: answers at once, echoing {@code text} (which lets a client check
     * multi-byte framing end to end).
     */
    @JsonRequest("agent/ping")
    CompletableFuture<PingResult> ping(PingParams params);

    /** Ends the process (exit code 0 after shutdown, 1 without). */
    @JsonNotification
    void exit();

    @JsonDelegate
    ChatService chat();

    @JsonDelegate
    RepoMapService repoMap();

    @JsonDelegate
    SearchService search();

    @JsonDelegate
    IndexService index();

    @JsonDelegate
    WorkspaceService workspace();
}
