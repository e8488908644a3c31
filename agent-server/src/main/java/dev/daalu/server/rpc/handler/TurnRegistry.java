package dev.daalu.server.rpc.handler;

import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.rpc.RpcErrors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The turns running on one connection, at most one per session, so that {@code chat/cancel} and shutdown can reach
 * them. Thread-safe.
 */
public final class TurnRegistry {

    private final Map<String, RunningTurn> bySession = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Records a turn that is about to run.
     *
     * @throws org.eclipse.lsp4j.jsonrpc.ResponseErrorException {@code SESSION_BUSY} when the session already runs
     *     one, or {@code INVALID_REQUEST} once the registry is closed
     */
    public RunningTurn register(String sessionId, String turnId, Runnable cancel, CompletableFuture<?> done) {
        RunningTurn turn = new RunningTurn(sessionId, turnId, cancel, done);
        if (bySession.putIfAbsent(sessionId, turn) != null) {
            throw RpcErrors.error(ErrorCodes.SESSION_BUSY, "Session " + sessionId
                    + " is already running a turn; wait for its chat/send result, or chat/cancel it");
        }
        if (closed) {
            // closed while registering: the closer may have missed this turn
            bySession.remove(sessionId, turn);
            throw RpcErrors.error(ErrorCodes.INVALID_REQUEST, "The server is shutting down");
        }
        return turn;
    }

    public void unregister(RunningTurn turn) {
        bySession.remove(turn.sessionId(), turn);
    }

    /** Cancels the session's running turn; returns whether there was one. */
    public boolean cancel(String sessionId) {
        RunningTurn turn = bySession.get(sessionId);
        if (turn == null) {
            return false;
        }
        turn.cancel().run();
        return true;
    }

    /** Refuses new turns, cancels the running ones and waits up to {@code wait} for them to end. */
    public void close(Duration wait) {
        closed = true;
        List<RunningTurn> running = List.copyOf(bySession.values());
        running.forEach(turn -> turn.cancel().run());
        try {
            CompletableFuture.allOf(running.stream().map(RunningTurn::done).toArray(CompletableFuture[]::new))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a turn that failed or will not stop in time is not a reason to keep the server up
        }
    }

    /**
     * One running turn.
     *
     * @param cancel cancels it; returns once the cancel hooks ran (approvals withdrawn, the stream closed)
     * @param done completes when its {@code chat/send} has been answered
     */
    public record RunningTurn(String sessionId, String turnId, Runnable cancel, CompletableFuture<?> done) { }
}
