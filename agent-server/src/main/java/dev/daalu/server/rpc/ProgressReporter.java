package dev.daalu.server.rpc;

import dev.daalu.indexer.IndexListener;
import dev.daalu.server.protocol.DaaluClient;
import dev.daalu.server.protocol.ProgressParams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Turns index progress into {@code $/progress} notifications: {@code begin} on the first report, then
 * {@code report}s at most once per interval (by the injected clock), then {@code end} when the pass is done.
 * Reports in between are dropped, since a pass reports thousands of times.
 *
 * <p>Thread-safe: indexing threads call {@link #onProgress} concurrently; it never throws.
 */
public final class ProgressReporter implements IndexListener {

    private final Supplier<DaaluClient> client;
    private final String token;
    private final Clock clock;
    private final Duration interval;
    private boolean begun;
    private boolean ended;
    private Instant lastReport = Instant.MIN;
    private String lastMessage;

    public ProgressReporter(Supplier<DaaluClient> client, String token, Clock clock, Duration interval) {
        this.client = client;
        this.token = token;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public synchronized void onProgress(IndexProgress progress) {
        if (ended) {
            return;
        }
        try {
            if (!begun) {
                begun = true;
                send("begin", "Indexing", message(progress), percentage(progress));
                lastReport = clock.instant();
            }
            if (progress.phase() == IndexProgress.Phase.DONE) {
                ended = true;
                send("end", null, "Indexed " + progress.done() + " files", null);
                return;
            }
            Instant now = clock.instant();
            String message = message(progress);
            if (Duration.between(lastReport, now).compareTo(interval) >= 0 && !message.equals(lastMessage)) {
                lastReport = now;
                send("report", null, message, percentage(progress));
            }
        } catch (RuntimeException e) {
            // progress is cosmetic: a failed send must not disturb the index pass
        }
    }

    private void send(String kind, String title, String message, Integer percentage) {
        lastMessage = message;
        client.get().progress(new ProgressParams(token, new ProgressParams.Value(kind, title, message, percentage)));
    }

    private static String message(IndexProgress progress) {
        String what = switch (progress.phase()) {
            case WALK -> "Scanning";
            case READ -> "Reading";
            case PARSE -> "Parsing";
            case COMMIT -> "Saving";
            case DONE -> "Done";
        };
        return progress.total() > 0
                ? String.format(Locale.ROOT, "%s %d/%d files", what, progress.done(), progress.total())
                : String.format(Locale.ROOT, "%s: %d files", what, progress.done());
    }

    private static Integer percentage(IndexProgress progress) {
        if (progress.total() <= 0) {
            return null;
        }
        return (int) Math.max(0, Math.min(100, progress.done() * 100 / progress.total()));
    }
}
