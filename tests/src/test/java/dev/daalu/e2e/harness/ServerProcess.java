package dev.daalu.e2e.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built server ({@code agent-server/target/daalu.jar}, system property {@code daalu.jar}) running as a separate
 * process, started with the java of {@code daalu.java}. Exposes its stdin and stdout as raw streams, collects its
 * stderr, and kills it on {@link #close()}.
 *
 * <pre>{@code
 * try (ServerProcess server = ServerProcess.builder().jvmOption("-Xmx256m").start("serve", "--stdio")) {
 *     RpcTestClient client = new RpcTestClient(server.stdin(), server.stdout());
 *     ...
 * }
 * }</pre>
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread stderrPump;

    private ServerProcess(Process process) {
        this.process = process;
        this.stderrPump = Thread.ofPlatform().daemon().name("server-stderr").start(this::pumpStderr);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code daalu serve --stdio} with default JVM options. */
    public static ServerProcess stdio() throws IOException {
        return builder().start("serve", "--stdio");
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    /** Everything the server wrote to stderr so far. */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    /** stderr once the process has exited and the pipe is drained. */
    public String stderrAfterExit() throws InterruptedException {
        stderrPump.join(TimeUnit.SECONDS.toMillis(10));
        return stderr();
    }

    /**
     * Waits until stderr matches {@code pattern} (e.g. the port announced by {@code serve --port 0}).
     *
     * @return the match
     * @throws AssertionError when it does not within {@code timeout}, or the process exits first
     */
    public MatchResult awaitStderr(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stderr) {
            while (true) {
                Matcher matcher = pattern.matcher(stderr.toString(StandardCharsets.UTF_8));
                if (matcher.find()) {
                    return matcher.toMatchResult();
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !stderrPump.isAlive()) {
                    throw new AssertionError("stderr never matched " + pattern + ":\n" + stderr.toString(StandardCharsets.UTF_8));
                }
                stderr.wait(left);
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Waits for the process to exit.
     *
     * @return its exit code
     * @throws AssertionError when it is still running after {@code timeout}, with its stderr so far
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not exit within " + timeout + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void pumpStderr() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getErrorStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (stderr) {
                    stderr.write(buffer, 0, n);
                    stderr.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is kept
        } finally {
            synchronized (stderr) {
                stderr.notifyAll();
            }
        }
    }

    /** Options for one server process. */
    public static final class Builder {
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> prefix = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path directory;

        /** A JVM flag such as {@code -Xmx256m}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Sets (or, with null, removes) an environment variable of the server. */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Runs the server under another program, e.g. {@code strace -f -e trace=connect -o FILE}. */
        public Builder underCommand(String... command) {
            prefix.addAll(List.of(command));
            return this;
        }

        public Builder directory(Path value) {
            directory = value;
            return this;
        }

        /** Starts {@code java <jvm options> -jar daalu.jar <args>}. */
        public ServerProcess start(String... args) throws IOException {
            String jar = System.getProperty("daalu.jar");
            if (jar == null || !Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("system property daalu.jar must name the built server jar (mvn verify "
                        + "sets it to agent-server/target/daalu.jar), not " + jar);
            }
            List<String> command = new ArrayList<>(prefix);
            command.add(System.getProperty("daalu.java", "java"));
            command.add("--enable-native-access=ALL-UNNAMED");
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar);
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            return new ServerProcess(builder.start());
        }
    }
}
