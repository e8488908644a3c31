package dev.daalu.server.approval;

import java.util.concurrent.CompletableFuture;

/**
 * Asks a person to approve a side effect: the JSON-RPC client ({@code approval/request}) or the
 * terminal ({@code daalu chat}).
 *
 * <p>Contract: returns at once; the future completes with the person's decision. A future that
 * fails, or that is cancelled (the turn was cancelled), counts as a denial. Implementations never
 * approve on their own: there is no auto-approve.
 *
 * <p>Example:
 * <pre>{@code
 * Approver terminal = request -> CompletableFuture.supplyAsync(() ->
 *         console.confirm(request.preview()) ? ApprovalDecision.approve() : ApprovalDecision.deny(null));
 * }</pre>
 */
@FunctionalInterface
public interface Approver {

    CompletableFuture<ApprovalDecision> request(ApprovalRequest request);

    /**
     * Tells the approver a pending request is no longer wanted (its turn was cancelled), so it can
     * remove the prompt. The default does nothing.
     */
    default void withdraw(ApprovalRequest request, String reason) {
    }
}
