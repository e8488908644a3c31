package dev.daalu.server.approval;

import com.google.gson.JsonObject;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.ToolResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalGateTest {

    private final ApprovalGate gate = new ApprovalGate(Duration.ofMillis(300));
    private final ApprovalGate.CallInfo call = new ApprovalGate.CallInfo("s1", "t1", "call_1", "run_command", new JsonObject());
    private final ApprovalPreview preview = ApprovalPreview.command("Run: terraform validate", "terraform validate", ".", 120);
    private final AtomicInteger runs = new AtomicInteger();
    private final Prepared gated = Prepared.gated(preview, cancel -> {
        runs.incrementAndGet();
        return ToolResult.ok("ran");
    });

    @Test
    void runsReadOnlyCallsWithoutAsking() {
        Prepared readOnly = Prepared.readOnly(cancel -> ToolResult.ok("read"));

        GateOutcome outcome = gate.execute(call, readOnly, request -> {
            throw new AssertionError("must not ask");
        }, CancelToken.none());

        assertEquals(GateOutcome.Status.OK, outcome.status());
    }

    @Test
    void asksWithThePreparedPreviewAndRunsThatCallOnApproval() {
        List<ApprovalRequest> asked = new ArrayList<>();

        GateOutcome outcome = gate.execute(call, gated, request -> {
            asked.add(request);
            return CompletableFuture.completedFuture(ApprovalDecision.approve());
        }, CancelToken.none());

        assertEquals(GateOutcome.Status.OK, outcome.status());
        assertEquals(1, runs.get());
        assertSame(preview, asked.get(0).preview());
        assertEquals("call_1", asked.get(0).callId());
    }

    @Test
    void aDenialWithAReasonGoesBackToTheModelAndNothingRuns() {
        GateOutcome outcome = gate.execute(call, gated,
                request -> CompletableFuture.completedFuture(ApprovalDecision.deny("use plan, not apply")), CancelToken.none());

        assertEquals(GateOutcome.Status.DENIED, outcome.status());
        assertEquals(0, runs.get());
        assertTrue(outcome.result().output().contains("The user denied this command; nothing was done. Their reason: use plan, not apply"),
                outcome.result().output());
    }

    @Test
    void deniesWhenApproverTimesOut() {
        List<String> withdrawn = new ArrayList<>();
        Approver silent = new Approver() {
            @Override
            public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
                return new CompletableFuture<>();
            }

            @Override
            public void withdraw(ApprovalRequest request, String reason) {
                withdrawn.add(reason);
            }
        };

        GateOutcome outcome = gate.execute(call, gated, silent, CancelToken.none());

        assertEquals(GateOutcome.Status.DENIED, outcome.status());
        assertEquals(0, runs.get());
        assertEquals(1, withdrawn.size());
    }

    @Test
    void deniesWhenTheApproverFailsOrIsMissing() {
        assertEquals(GateOutcome.Status.DENIED, gate.execute(call, gated,
                request -> CompletableFuture.failedFuture(new IllegalStateException("client gone")), CancelToken.none()).status());
        assertEquals(GateOutcome.Status.DENIED, gate.execute(call, gated, request -> {
            throw new IllegalStateException("boom");
        }, CancelToken.none()).status());
        assertEquals(GateOutcome.Status.DENIED, gate.execute(call, gated, null, CancelToken.none()).status());
        assertEquals(0, runs.get());
    }

    @Test
    void aCancelWhileWaitingWithdrawsTheRequestAndRunsNothing() throws Exception {
        CancelToken cancel = new CancelToken();
        CountDownLatch asked = new CountDownLatch(1);
        List<String> withdrawn = new ArrayList<>();
        Approver approver = new Approver() {
            @Override
            public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
                asked.countDown();
                return new CompletableFuture<>();
            }

            @Override
            public void withdraw(ApprovalRequest request, String reason) {
                withdrawn.add(reason);
            }
        };
        ApprovalGate patient = new ApprovalGate(Duration.ofMinutes(5));
        CompletableFuture<GateOutcome> outcome = CompletableFuture.supplyAsync(() -> patient.execute(call, gated, approver, cancel));
        assertTrue(asked.await(10, TimeUnit.SECONDS));

        cancel.cancel();

        assertEquals(GateOutcome.Status.CANCELLED, outcome.get(10, TimeUnit.SECONDS).status());
        assertEquals(List.of("the turn was cancelled"), withdrawn);
        assertEquals(0, runs.get());
    }
}
