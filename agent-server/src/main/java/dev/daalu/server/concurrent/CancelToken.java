package dev.daalu.server.concurrent;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation of one turn or request. Work checks {@link #isCancelled()} between steps;
 * blocking work (an HTTP stream, a child process, a pending approval) registers an
 * {@link #onCancel(Runnable)} hook that stops it at once.
 *
 * <p>Threading: safe from any thread. Hooks run once, on the thread that calls {@link #cancel()},
 * or at once on the registering thread if already cancelled; a hook must not block or throw.
 */
public final class CancelToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    /** A token that is never cancelled, for callers with nothing to cancel. */
    public static CancelToken none() {
        return new CancelToken();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancellationException} if cancelled. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * Runs {@code hook} when this token is cancelled (at once if it already is).
     *
     * @return a handle that unregisters the hook, for work that finished first
     */
    public Registration onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get() && hooks.remove(hook)) {
            runQuietly(hook);
        }
        return () -> hooks.remove(hook);
    }

    /** Cancels; returns false if it was already cancelled. */
    public boolean cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return false;
        }
        for (Runnable hook : hooks) {
            if (hooks.remove(hook)) {
                runQuietly(hook);
            }
        }
        return true;
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException ignored) {
            // a hook failing must not stop the others; cancellation is best effort by contract
        }
    }

    /** Unregisters a hook. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
