package dev.daalu.server.rpc;

import dev.daalu.server.protocol.ApprovalRequestParams;
import dev.daalu.server.protocol.ApprovalResponse;
import dev.daalu.server.protocol.ApprovalWithdrawn;
import dev.daalu.server.protocol.ChatDelta;
import dev.daalu.server.protocol.ChatNotice;
import dev.daalu.server.protocol.ChatToolCall;
import dev.daalu.server.protocol.ChatToolResult;
import dev.daalu.server.protocol.DaaluClient;
import dev.daalu.server.protocol.ProgressParams;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The editor's side in tests: records every call from the server, in order, and answers approvals as told. */
final class RecordingClient implements DaaluClient {

    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    volatile Function<ApprovalRequestParams, CompletableFuture<ApprovalResponse>> approvals =
            params -> CompletableFuture.completedFuture(new ApprovalResponse(ApprovalResponse.APPROVE, null));

    @Override
    public void chatDelta(ChatDelta params) {
        events.add(params);
    }

    @Override
    public void chatToolCall(ChatToolCall params) {
        events.add(params);
    }

    @Override
    public void chatToolResult(ChatToolResult params) {
        events.add(params);
    }

    @Override
    public void chatNotice(ChatNotice params) {
        events.add(params);
    }

    @Override
    public CompletableFuture<ApprovalResponse> approvalRequest(ApprovalRequestParams params) {
        events.add(params);
        return approvals.apply(params);
    }

    @Override
    public void approvalWithdrawn(ApprovalWithdrawn params) {
        events.add(params);
    }

    @Override
    public void progress(ProgressParams params) {
        events.add(params);
    }

    /** The next event of {@code type}, skipping others; fails after 10 seconds. */
    <T> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Object event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within 10 seconds");
            }
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }
}
