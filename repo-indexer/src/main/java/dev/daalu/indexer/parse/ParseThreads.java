package dev.daalu.indexer.parse;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads with a stack big enough for tree-sitter. The native parser and its external scanners recurse
 * with the depth of the syntax tree on the calling thread's stack; a JVM thread's default stack (1 MiB) is
 * not enough for deeply nested input, and overflowing it kills the whole JVM, not just the parse.
 *
 * <p>{@link TreeSitterParser} parses inline on these threads and hands any other caller's parse to a fresh
 * one, so it is safe everywhere; callers that parse many files should run their work on
 * {@link #newFixedPool} (or a pool built with {@link #factory}) to avoid a thread start per file.
 */
public final class ParseThreads {

    /** Stack of each parse thread. Only touched pages are committed, so the reservation is cheap. */
    public static final long STACK_BYTES = 64L * 1024 * 1024;

    private static final AtomicInteger FALLBACK_THREADS = new AtomicInteger();

    private ParseThreads() {
    }

    /** A factory of daemon parse threads named {@code <prefix>-<n>}. */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new ParseThread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A fixed pool of {@code threads} parse threads; the caller shuts it down. */
    public static ExecutorService newFixedPool(int threads, String prefix) {
        return Executors.newFixedThreadPool(threads, factory(prefix));
    }

    /** Whether the current thread is a parse thread. */
    public static boolean isParseThread() {
        return Thread.currentThread() instanceof ParseThread;
    }

    /**
     * Runs {@code task} on a parse thread: inline when already on one, otherwise on a new parse thread
     * that the caller waits for.
     *
     * @throws RuntimeException what the task threw (checked exceptions wrapped)
     */
    public static <T> T call(Callable<T> task) {
        if (isParseThread()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new ParseThread(future, "daalu-parse-fallback-" + FALLBACK_THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("interrupted while waiting for a parse", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static final class ParseThread extends Thread {
        ParseThread(Runnable task, String name) {
            super(null, task, name, STACK_BYTES);
        }
    }
}
