package dev.daalu.server.routing;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds the {@link OkHttpClient}s that talk to model servers; the only place that does. One client is
 * built per process and varied per tier with {@link #withTimeouts}, which shares its connection pool and
 * threads.
 *
 * <p>No call timeout is set: a long answer may stream for minutes. The read timeout is the longest silence
 * allowed between two chunks, which also bounds the wait for the first token (prompt processing).
 */
public final class ModelHttpClients {

    private ModelHttpClients() {
    }

    /**
     * How long to wait.
     *
     * @param connect to open a connection
     * @param idleRead between two reads: for the first byte of the answer, then between chunks
     * @param write to send the request
     */
    public record Timeouts(Duration connect, Duration idleRead, Duration write) {

        /** 10 s to connect; 120 s of silence (prompt processing of a long context on a busy GPU); 30 s to send. */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(120),
                Duration.ofSeconds(30));

        public Timeouts {
            requirePositive(connect, "connect");
            requirePositive(idleRead, "idleRead");
            requirePositive(write, "write");
        }

        private static void requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("The " + name + " timeout must be positive, not " + value);
            }
        }
    }

    /**
     * The client for model calls: every request passes {@code perimeter} (the {@code PerimeterInterceptor}),
     * once before a connection is opened and again on each network hop, redirects included.
     */
    public static OkHttpClient create(Timeouts timeouts, Interceptor perimeter) {
        Objects.requireNonNull(perimeter, "perimeter");
        return configure(new OkHttpClient.Builder().addInterceptor(perimeter).addNetworkInterceptor(perimeter), timeouts);
    }

    /** A client without a perimeter, for tests against local servers. */
    public static OkHttpClient create(Timeouts timeouts) {
        return configure(new OkHttpClient.Builder(), timeouts);
    }

    /** A client that shares {@code shared}'s pool and threads, with other timeouts. */
    public static OkHttpClient withTimeouts(OkHttpClient shared, Timeouts timeouts) {
        return configure(shared.newBuilder(), timeouts);
    }

    /**
     * A client that shares {@code shared}'s pool, and gives up on a call after {@code total} however its bytes
     * trickle in: for short probes, never for a streamed answer (which may rightly take minutes).
     */
    public static OkHttpClient withCallLimit(OkHttpClient shared, Duration total) {
        return shared.newBuilder().callTimeout(total).build();
    }

    private static OkHttpClient configure(OkHttpClient.Builder builder, Timeouts timeouts) {
        return builder
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.idleRead())
                .writeTimeout(timeouts.write())
                .callTimeout(Duration.ZERO)
                .build();
    }
}
