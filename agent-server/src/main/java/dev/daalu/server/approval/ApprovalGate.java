package dev.daalu.server.approval;

import com.google.gson.JsonElement;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolResult;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a prepared tool call, asking the user first when it has a side effect. The request carries the
 * prepared call's own preview, and only that same {@link Prepared} object runs after approval: what the user
 * saw is what runs, or nothing does.
 *
 * <p>No approver answer within the timeout, a failed or cancelled answer, and a cancelled turn all mean deny.
 * There is no auto-approve. A cancelled turn withdraws its pending request so the client removes the prompt.
 *
 * <p>Thread-safe; {@link #execute} blocks the turn's thread while it waits for the user.
 */
public final class ApprovalGate {

    private final Duration approvalTimeout;

    /** @param approvalTimeout how long to wait for the user before treating silence as a denial */
    public ApprovalGate(Duration approvalTimeout) {
        this.approvalTimeout = approvalTimeout;
    }

    /**
     * Runs {@code prepared} if it needs no approval, or if {@code approver} approves its preview.
     *
     * @param call identifies the call for the approval request
     */
    public GateOutcome execute(CallInfo call, Prepared prepared, Approver approver, CancelToken cancel) {
        if (cancel.isCancelled()) {
            return cancelled();
        }
        ApprovalPreview preview = prepared.preview();
        if (preview != null) {
            ApprovalRequest request = new ApprovalRequest(UUID.randomUUID().toString(), call.sessionId(), call.turnId(),
                    call.callId(), call.tool(), call.arguments(), preview);
            ApprovalDecision decision = await(request, approver, cancel);
            if (cancel.isCancelled()) {
                return cancelled();
            }
            if (!decision.approved()) {
                return new GateOutcome(GateOutcome.Status.DENIED, ToolResult.error(denial(preview, decision.reason())));
            }
        }
        try {
            return GateOutcome.of(prepared.run(cancel));
        } catch (ToolException e) {
            return GateOutcome.of(ToolResult.error(e.getMessage()));
        } catch (RuntimeException e) {
            return GateOutcome.of(ToolResult.error("The tool failed unexpectedly (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); nothing more was done."));
        }
    }

    private ApprovalDecision await(ApprovalRequest request, Approver approver, CancelToken cancel) {
        if (approver == null) {
            return ApprovalDecision.deny("no one is there to approve it");
        }
        CompletableFuture<ApprovalDecision> answer;
        try {
            answer = approver.request(request);
        } catch (RuntimeException e) {
            return ApprovalDecision.deny("the approval request failed");
        }
        if (answer == null) {
            return ApprovalDecision.deny("the approval request failed");
        }
        try (CancelToken.Registration ignored = cancel.onCancel(() -> {
            answer.cancel(true);
            approver.withdraw(request, "the turn was cancelled");
        })) {
            ApprovalDecision decision = answer.get(approvalTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return decision == null ? ApprovalDecision.deny(null) : decision;
        } catch (TimeoutException e) {
            answer.cancel(true);
            approver.withdraw(request, "no answer within " + approvalTimeout.toMinutes() + " minutes");
            return ApprovalDecision.deny("no answer came within " + approvalTimeout.toMinutes() + " minutes");
        } catch (CancellationException e) {
            return ApprovalDecision.deny(null);
        } catch (ExecutionException e) {
            return ApprovalDecision.deny("the approval could not be asked");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApprovalDecision.deny(null);
        }
    }

    private static String denial(ApprovalPreview preview, String reason) {
        String what = switch (preview.kind()) {
            case WRITE -> "this file change";
            case COMMAND -> "this command";
            case READ -> "reading this file";
        };
        String because = reason == null || reason.isBlank() ? "" : " Their reason: " + reason.strip();
        return "The user denied " + what + "; nothing was done." + because
                + " Do not repeat the same call; adjust it to their reason, or ask them how to proceed.";
    }

    private static GateOutcome cancelled() {
        return new GateOutcome(GateOutcome.Status.CANCELLED, ToolResult.error("The turn was cancelled; this call did not run."));
    }

    /** Identifies one tool call for its approval request. */
    public record CallInfo(String sessionId, String turnId, String callId, String tool, JsonElement arguments) { }
}
