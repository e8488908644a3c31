package dev.daalu.server.rpc;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one connection, apart from its reader.
 *
 * @param requests short requests (initialize, search, repo map, status, sessions, cancel, shutdown)
 * @param turns one thread per running turn, which blocks while the model streams and while an approval is pending
 * @param indexUpdates single-threaded, so index updates from watched files never overlap
 */
public record RpcExecutors(ExecutorService requests, ExecutorService turns, ScheduledExecutorService indexUpdates) {

    static final Duration REQUEST_DRAIN = Duration.ofSeconds(5);

    /** Daemon threads, named for thread dumps. */
    public static RpcExecutors create() {
        return new RpcExecutors(Executors.newCachedThreadPool(named("daalu-request")),
                Executors.newCachedThreadPool(named("daalu-turn")),
                Executors.newSingleThreadScheduledExecutor(named("daalu-index-update")));
    }

    /**
     * Stops all three. Requests in flight get up to {@link #REQUEST_DRAIN} to finish (so a {@code shutdown} still
     * sends its answer); then, and for turns and updates at once, running work is interrupted.
     */
    public void close() {
        requests.shutdown();
        turns.shutdownNow();
        indexUpdates.shutdownNow();
        try {
            requests.awaitTermination(REQUEST_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requests.shutdownNow();
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
