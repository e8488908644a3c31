package dev.daalu.server.rpc;

import dev.daalu.server.approval.ApprovalDecision;
import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.approval.ApprovalRequest;
import dev.daalu.server.approval.Approver;
import dev.daalu.server.protocol.ApprovalRequestParams;
import dev.daalu.server.protocol.ApprovalResponse;
import dev.daalu.server.protocol.ApprovalWithdrawn;
import dev.daalu.server.protocol.DaaluClient;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Asks the editor: each {@link ApprovalRequest} becomes an {@code approval/request} to the client, and its answer
 * a decision. Only {@code "approve"} approves; any other decision, an error response, or a request that could not be
 * sent (too large for a message, connection gone) is a denial. Cancelling the returned future (the gate does so
 * when the turn is cancelled) cancels the client request too, which LSP4J signals with {@code $/cancelRequest};
 * {@link #withdraw} sends {@code approval/withdrawn}.
 *
 * <p>Thread-safe. {@link #request} returns at once: the answer is read by the connection's reader thread, which
 * completes the future, so a turn waiting for it never holds up reading.
 */
public final class RpcApprover implements Approver {

    private static final Logger LOG = Logger.getLogger(RpcApprover.class.getName());

    private final Supplier<DaaluClient> client;

    public RpcApprover(Supplier<DaaluClient> client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
        CompletableFuture<ApprovalResponse> asked = client.get().approvalRequest(params(request));
        CompletableFuture<ApprovalDecision> decision = asked.handle((response, failure) -> {
            if (failure != null) {
                if (!(failure instanceof CancellationException)) {
                    LOG.warning("approval/request " + request.approvalId() + " failed: " + RpcErrors.describe(failure));
                }
                return ApprovalDecision.deny("the approval could not be asked (" + RpcErrors.describe(failure) + ")");
            }
            if (response != null && response.approved()) {
                return ApprovalDecision.approve();
            }
            return ApprovalDecision.deny(response == null ? null : response.reason());
        });
        decision.whenComplete((value, failure) -> {
            if (decision.isCancelled()) {
                asked.cancel(true);
            }
        });
        return decision;
    }

    @Override
    public void withdraw(ApprovalRequest request, String reason) {
        try {
            client.get().approvalWithdrawn(new ApprovalWithdrawn(request.sessionId(), request.turnId(),
                    request.approvalId(), reason));
        } catch (RuntimeException e) {
            LOG.fine("approval/withdrawn could not be sent: " + e.getMessage());
        }
    }

    static ApprovalRequestParams params(ApprovalRequest request) {
        ApprovalPreview p = request.preview();
        ApprovalRequestParams.Preview preview = new ApprovalRequestParams.Preview(p.kind().name().toLowerCase(Locale.ROOT),
                p.summary(), p.path(), p.diff(), p.newFile(), p.proposedContent(), p.command(), p.cwd(), p.timeoutSeconds());
        return new ApprovalRequestParams(request.sessionId(), request.turnId(), request.approvalId(), request.callId(),
                request.tool(), request.arguments(), preview);
    }
}
