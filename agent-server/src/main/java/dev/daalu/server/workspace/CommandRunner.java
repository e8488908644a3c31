package dev.daalu.server.workspace;

import dev.daalu.server.concurrent.CancelToken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell command for the agent: {@code bash -lc COMMAND} in a directory of the workspace, in a new
 * session and process group of its own (through {@code setsid}), so a timeout or a cancel kills the command
 * and everything it started, and nothing it prints can reach this process's stdout (which carries
 * JSON-RPC frames in stdio mode): stdin is empty and stdout and stderr are pipes read into a capped buffer.
 *
 * <p>The child's environment is this process's minus variables that carry this product's own secrets or
 * that would make git print credentials.
 *
 * <p>Thread-safe; each call runs one command and blocks until it ends.
 */
public final class CommandRunner {

    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final Duration LEFTOVER_WAIT = Duration.ofMillis(500);
    private static final Set<String> DROPPED_ENV_PREFIXES = Set.of("DAALU_TOKEN", "DAALU_FERNET", "DAALU_SECRET");
    private static final List<String> DROPPED_ENV = List.of("GIT_TRACE", "GIT_TRACE_CURL", "GIT_CURL_VERBOSE",
            "GIT_ASKPASS", "SSH_ASKPASS");

    private final int defaultCapBytes;

    /**
     * @param defaultCapBytes at most this many bytes of output are kept unless a call says otherwise: the first
     *     half and the last half
     */
    public CommandRunner(int defaultCapBytes) {
        this.defaultCapBytes = defaultCapBytes;
    }

    /** Runs {@code command} keeping the default amount of output. */
    public CommandResult run(String command, Path cwd, Duration timeout, CancelToken cancel) throws IOException {
        return run(command, cwd, timeout, cancel, defaultCapBytes);
    }

    /**
     * Runs {@code command}.
     *
     * @param cwd absolute working directory (already confined to the workspace)
     * @param capBytes at most this many bytes of output are kept: the first half and the last half
     * @throws IOException when bash cannot be started at all
     */
    public CommandResult run(String command, Path cwd, Duration timeout, CancelToken cancel, int capBytes) throws IOException {
        int headBytes = capBytes / 2;
        int tailBytes = capBytes - headBytes;
        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "-lc", command)
                .directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> DROPPED_ENV.contains(key)
                || DROPPED_ENV_PREFIXES.stream().anyMatch(key::startsWith));
        long start = System.nanoTime();
        Process process = builder.start();
        CappedOutput output = new CappedOutput(headBytes, tailBytes);
        Thread pump = Thread.ofVirtual().name("command-output").start(() -> pump(process.getInputStream(), output));
        boolean[] cancelledFlag = new boolean[1];
        try (CancelToken.Registration ignored = cancel.onCancel(() -> {
            cancelledFlag[0] = true;
            killGroup(process);
        })) {
            boolean finished = waitFor(process, timeout);
            if (!finished) {
                killGroup(process);
            }
            process.waitFor(KILL_GRACE.toMillis() * 2, TimeUnit.MILLISECONDS);
            pump.join(LEFTOVER_WAIT.toMillis());
            if (pump.isAlive()) {
                // bash has exited but something it started in the background still holds the output pipe;
                // the command is over, so its leftovers go with it
                killGroup(process);
                pump.join(KILL_GRACE.toMillis());
            }
            boolean killed = !finished || cancelledFlag[0];
            int exit = killed ? -1 : process.exitValue();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new CommandResult(exit, output.text(), output.bytesCut(), !finished && !cancelledFlag[0],
                    cancelledFlag[0], millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killGroup(process);
            return new CommandResult(-1, output.text(), output.bytesCut(), false, true,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Kills the command's whole process group: TERM first, KILL after a short grace. The group id is the
     * child's pid because setsid made it a session (and group) leader.
     */
    static void killGroup(Process process) {
        long pgid = process.pid();
        signalGroup("TERM", pgid);
        try {
            if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                signalGroup("KILL", pgid);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // children that ignore TERM and outlive the leader still belong to the group
        signalGroup("KILL", pgid);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void signalGroup(String signal, long pgid) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + pgid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // kill(1) missing: destroyForcibly below still ends the leader
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(InputStream in, CappedOutput output) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                output.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the pipe closes when the group is killed; what was read is kept
        }
    }

}
