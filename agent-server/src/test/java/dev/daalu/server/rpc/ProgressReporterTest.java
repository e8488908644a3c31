package dev.daalu.server.rpc;

import dev.daalu.indexer.IndexListener.IndexProgress;
import dev.daalu.indexer.IndexListener.IndexProgress.Phase;
import dev.daalu.server.protocol.ProgressParams;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressReporterTest {

    private final RecordingClient client = new RecordingClient();
    private final MutableClock clock = new MutableClock();
    private final ProgressReporter reporter = new ProgressReporter(() -> client, "index-1", clock, Duration.ofMillis(250));

    private List<ProgressParams.Value> sent() {
        return client.events.stream().map(e -> ((ProgressParams) e).value()).toList();
    }

    @Test
    void beginsOnTheFirstReportThrottlesTheRestAndEndsOnDone() {
        reporter.onProgress(new IndexProgress(Phase.READ, 0, 1000, "a"));
        for (int i = 1; i <= 100; i++) {
            reporter.onProgress(new IndexProgress(Phase.READ, i, 1000, "f" + i));
        }
        clock.advance(Duration.ofMillis(250));
        reporter.onProgress(new IndexProgress(Phase.PARSE, 500, 1000, "g"));
        reporter.onProgress(new IndexProgress(Phase.PARSE, 501, 1000, "h"));
        reporter.onProgress(new IndexProgress(Phase.DONE, 1000, 1000, null));
        reporter.onProgress(new IndexProgress(Phase.READ, 1, 1, "late"));

        assertEquals(List.of(
                new ProgressParams.Value("begin", "Indexing", "Reading 0/1000 files", 0),
                new ProgressParams.Value("report", null, "Parsing 500/1000 files", 50),
                new ProgressParams.Value("end", null, "Indexed 1000 files", null)), sent());
    }

    @Test
    void anUnknownTotalHasNoPercentage() {
        reporter.onProgress(new IndexProgress(Phase.WALK, 42, 0, "x"));

        assertEquals(List.of(new ProgressParams.Value("begin", "Indexing", "Scanning: 42 files", null)), sent());
    }

    @Test
    void aClientThatFailsDoesNotDisturbTheIndexPass() {
        ProgressReporter failing = new ProgressReporter(() -> {
            throw new IllegalStateException("gone");
        }, "index-1", clock, Duration.ZERO);

        failing.onProgress(new IndexProgress(Phase.READ, 1, 2, "a"));
        failing.onProgress(new IndexProgress(Phase.DONE, 2, 2, null));
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
