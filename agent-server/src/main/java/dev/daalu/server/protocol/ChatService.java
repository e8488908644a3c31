package dev.daalu.server.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

import java.util.concurrent.CompletableFuture;

/** {@code chat/*}: turns of a conversation. */
@JsonSegment("chat")
public interface ChatService {

    /**
     * Runs one turn. Streams {@code chat/delta}, {@code chat/toolCall}, {@code approval/request} and
     * {@code chat/toolResult} while it runs, and completes with the turn's outcome. A session runs
     * one turn at a time.
     */
    @JsonRequest
    CompletableFuture<ChatSendResult> send(ChatSendParams params);

    /** Cancels the running turn of a session; its pending approvals are withdrawn. */
    @JsonRequest
    CompletableFuture<ChatCancelResult> cancel(ChatCancelParams params);

    /** Lists stored sessions, newest first. */
    @JsonRequest
    CompletableFuture<SessionListResult> sessions(SessionListParams params);
}
