package dev.daalu.server.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

import java.util.concurrent.CompletableFuture;

/** Methods the server calls on the client. */
public interface DaaluClient {

    /** A fragment of the streamed answer of a turn. */
    @JsonNotification("chat/delta")
    void chatDelta(ChatDelta params);

    /** The model called a tool; sent before any approval request for it. */
    @JsonNotification("chat/toolCall")
    void chatToolCall(ChatToolCall params);

    /** A tool call finished (ran, failed, or was denied). */
    @JsonNotification("chat/toolResult")
    void chatToolResult(ChatToolResult params);

    /** A note about the turn for the user, outside the answer (a recovered tool call, a condensed history). */
    @JsonNotification("chat/notice")
    void chatNotice(ChatNotice params);

    /** Asks the user to approve one side effect; the answer binds to exactly what the preview shows. */
    @JsonRequest("approval/request")
    CompletableFuture<ApprovalResponse> approvalRequest(ApprovalRequestParams params);

    /** Tells the client a pending approval is no longer wanted (its turn was cancelled). */
    @JsonNotification("approval/withdrawn")
    void approvalWithdrawn(ApprovalWithdrawn params);

    /** LSP-style work-done progress, used while indexing. */
    @JsonNotification("$/progress")
    void progress(ProgressParams params);
}
