package dev.daalu.server.workspace;

import dev.daalu.server.concurrent.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandRunnerTest {

    @TempDir
    Path temp;

    private final CommandRunner runner = new CommandRunner(4096);

    @Test
    void reportsExitCodeAndBothStreams() throws IOException {
        CommandResult result = runner.run("echo out; echo err >&2; exit 3", temp, Duration.ofSeconds(30), CancelToken.none());

        assertEquals(3, result.exitCode());
        assertTrue(result.output().contains("out\n") && result.output().contains("err\n"), result.output());
        assertFalse(result.timedOut());
    }

    @Test
    void runsInTheGivenDirectoryWithNoInput() throws IOException {
        CommandResult result = runner.run("pwd; cat; echo done", temp, Duration.ofSeconds(30), CancelToken.none());

        assertEquals(temp.toRealPath() + "\ndone\n", result.output());
    }

    @Test
    void keepsTheHeadAndTailOfHugeOutput() throws IOException {
        CommandResult result = runner.run("echo FIRST; seq 1 200000; echo LAST", temp, Duration.ofSeconds(60), CancelToken.none());

        assertTrue(result.output().startsWith("FIRST\n"), result.output().substring(0, 20));
        assertTrue(result.output().endsWith("LAST\n"));
        assertTrue(result.bytesCut() > 1_000_000, "cut " + result.bytesCut());
        assertTrue(result.output().contains("bytes of output cut"));
        assertTrue(result.output().length() < 4096 + 100);
    }

    @Test
    void aTimeoutKillsTheWholeProcessGroup() throws Exception {
        String marker = "daalu-test-" + UUID.randomUUID();
        CommandResult result = runner.run("sleep 300 & sleep 301 & exec -a " + marker + " sleep 302", temp,
                Duration.ofSeconds(1), CancelToken.none());

        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
        assertFalse(processesNamed(marker), "the command itself is gone");
        assertFalse(childrenOfSleep300Survive(), "background children of the command are gone");
    }

    @Test
    void aCancelKillsTheCommandAtOnce() throws Exception {
        CancelToken cancel = new CancelToken();
        CompletableFuture<CommandResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run("echo started; sleep 300", temp, Duration.ofSeconds(600), cancel);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        // wait until the command really runs before cancelling
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!processesNamed("sleep 300") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        cancel.cancel();

        CommandResult result = running.get(20, TimeUnit.SECONDS);
        assertTrue(result.cancelled());
        assertFalse(result.timedOut());
    }

    @Test
    void leftoverBackgroundJobsDoNotHoldTheResultBack() throws IOException {
        CommandResult result = runner.run("echo hi; sleep 303 &", temp, Duration.ofSeconds(60), CancelToken.none());

        assertEquals(0, result.exitCode());
        assertEquals("hi\n", result.output());
        assertTrue(result.millis() < 30_000);
    }

    private static boolean childrenOfSleep300Survive() throws Exception {
        return processesNamed("sleep 300") || processesNamed("sleep 301") || processesNamed("sleep 303");
    }

    private static boolean processesNamed(String text) throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-f", "^" + text).start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgrep.waitFor();
        return !out.isBlank();
    }
}
