package dev.daalu.e2e.seeding;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the built daalu jar as a user's startup script would, inside test directories: its own HOME, TMPDIR,
 * XDG_STATE_HOME and Fernet key file, and a {@code git} wrapper first on PATH that records each git command line
 * and environment daalu starts (to {@link #gitLog()}) before running the real git.
 *
 * <p>The environment also carries variables that would make git print or store the token if daalu passed them
 * on ({@code GIT_TRACE}, {@code GIT_TRACE_CURL} and {@code GIT_TRACE_REDACT=0}, {@code GIT_CURL_VERBOSE},
 * {@code GIT_ASKPASS}): the tests prove that they never reach git.
 */
final class DaaluSandbox {

    /** How one daalu command ended. */
    record Run(int exitCode, String stdout, String stderr) {
        String both() {
            return stdout + stderr;
        }
    }

    private static final String JAR = System.getProperty("daalu.jar", "../agent-server/target/daalu.jar");
    private static final String JAVA = System.getProperty("daalu.java",
            Path.of(System.getProperty("java.home"), "bin", "java").toString());

    final Path root;
    final Path home;
    final Path tmp;
    final Path state;
    final Path keyFile;
    final Path logs;
    private final Path bin;
    private final Map<String, String> extraEnv = new HashMap<>();
    private int runs;

    DaaluSandbox(Path root) throws IOException {
        this.root = root;
        this.home = Files.createDirectories(root.resolve("home"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
        this.state = root.resolve("state");
        this.logs = Files.createDirectories(root.resolve("logs"));
        this.bin = Files.createDirectories(root.resolve("bin"));
        this.keyFile = Files.createDirectories(root.resolve("secret")).resolve("fernet.key");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(keyFile, Base64.getUrlEncoder().encodeToString(key) + "\n");
        installGitWrapper(realGit());
    }

    /** Sets (or with null, removes) a variable of daalu's environment for later runs. */
    DaaluSandbox env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** Puts {@code script} first on PATH as {@code git} instead of the recording wrapper. */
    void replaceGit(String script) throws IOException {
        Path git = bin.resolve("git");
        Files.writeString(git, script);
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwx------"));
    }

    /** Every git command line and environment daalu started, as the wrapper recorded them. */
    String gitLog() throws IOException {
        Path log = root.resolve("git-calls.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Runs {@code daalu ARGS} with {@code stdin} (or nothing) on its stdin, and waits for it. */
    Run run(String stdin, String... args) throws IOException, InterruptedException {
        Started started = start(args);
        try (OutputStream in = started.process().getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        return started.await();
    }

    /** A daalu process running; {@link #await()} waits for it. */
    record Started(Process process, Path stdout, Path stderr) {
        Run await() throws IOException, InterruptedException {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("daalu did not finish within 3 minutes: " + Files.readString(stderr));
            }
            return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        }
    }

    /** Starts {@code daalu ARGS} with stdin open (close it, or write to it). */
    Started start(String... args) throws IOException {
        int n = ++runs;
        Path stdout = logs.resolve("run-" + n + ".out");
        Path stderr = logs.resolve("run-" + n + ".err");
        List<String> command = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-jar", JAR));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment());
        return new Started(builder.start(), stdout, stderr);
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("TMPDIR", tmp.toString());
        env.put("XDG_STATE_HOME", state.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("LANG", "C.UTF-8");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("DAALU_TOKEN_KEY_FILE", keyFile.toString());
        env.put("DAALU_TEST_GIT_LOG", root.resolve("git-calls.log").toString());
        // would leak the token (or ask for it) if daalu passed them on to git
        env.put("GIT_TRACE", home.resolve("git-trace.log").toString());
        env.put("GIT_TRACE_CURL", home.resolve("git-trace-curl.log").toString());
        env.put("GIT_TRACE_REDACT", "0");
        env.put("GIT_CURL_VERBOSE", "1");
        env.put("GIT_ASKPASS", "/bin/echo");
        // machine-wide CA settings like this one must not override --ca-file
        env.put("GIT_SSL_CAINFO", "/etc/ssl/certs/ca-certificates.crt");
        extraEnv.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return env;
    }

    private void installGitWrapper(Path realGit) throws IOException {
        replaceGit("#!/bin/sh\n"
                + "# records how daalu runs git, then runs the real one\n"
                + "{ printf 'argv:'; for a in \"$@\"; do printf ' <%s>' \"$a\"; done; printf '\\n'; "
                + "env | sed 's/^/env: /'; } >> \"$DAALU_TEST_GIT_LOG\"\n"
                + "exec '" + realGit + "' \"$@\"\n");
    }

    private static Path realGit() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "git"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("git is not on PATH"));
    }
}
