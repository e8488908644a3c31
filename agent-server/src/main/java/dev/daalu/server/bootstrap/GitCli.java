package dev.daalu.server.bootstrap;

import dev.daalu.server.bootstrap.SeedingException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} command line for seeding: an argv (never a shell string), stdin empty, stdout and
 * stderr captured together (never inherited: in stdio server mode this process's stdout carries protocol
 * frames), bounded in time.
 *
 * <p>git's environment is the given one minus what would make it print or persist credentials, weaken TLS,
 * point it at another repository or inject configuration ({@code GIT_TRACE*} including
 * {@code GIT_TRACE_REDACT}, which is thereby at its default, {@code GIT_CURL_VERBOSE}, {@code GIT_ASKPASS},
 * {@code SSH_ASKPASS}, {@code GIT_SSL_NO_VERIFY}, {@code GIT_DIR}, {@code GIT_CONFIG_PARAMETERS}...,
 * this product's {@code DAALU_TOKEN*}), plus {@code GIT_TERMINAL_PROMPT=0}, so git fails instead of asking.
 *
 * <p>Thread-safe; each call blocks until git ends.
 */
public final class GitCli {

    /** What git printed (the last {@value #OUTPUT_CAP_BYTES} bytes of stdout and stderr) and how it ended. */
    public record Result(int exitCode, String output, boolean timedOut) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    static final int OUTPUT_CAP_BYTES = 16 * 1024;
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Set<String> DROPPED = Set.of("GIT_CURL_VERBOSE", "GIT_ASKPASS", "SSH_ASKPASS",
            "GIT_SSL_NO_VERIFY", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_NAMESPACE");
    private static final List<String> DROPPED_PREFIXES = List.of("GIT_TRACE", "GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_",
            "DAALU_TOKEN", "DAALU_FERNET", "DAALU_SECRET");

    private final String executable;
    private final Map<String, String> environment;

    /**
     * @param executable {@code git}, looked up on this process's {@code PATH}, or an absolute path
     * @param parentEnvironment the environment to start from (usually {@link System#getenv()})
     */
    public GitCli(String executable, Map<String, String> parentEnvironment) {
        this.executable = executable;
        this.environment = childEnvironment(parentEnvironment);
    }

    /** {@code parent} cleaned as the class comment says. */
    static Map<String, String> childEnvironment(Map<String, String> parent) {
        Map<String, String> env = new HashMap<>(parent);
        env.keySet().removeIf(key -> DROPPED.contains(key) || DROPPED_PREFIXES.stream().anyMatch(key::startsWith));
        env.put("GIT_TERMINAL_PROMPT", "0");
        return Map.copyOf(env);
    }

    /**
     * Runs {@code git ARGS} in {@code cwd}. The argv may hold nothing secret: it is visible to every process.
     *
     * @throws SeedingException ({@link Reason#GIT_UNUSABLE}) when git cannot be started at all
     */
    public Result run(List<String> args, Path cwd, Duration timeout) throws SeedingException {
        return run(args, cwd, timeout, Map.of());
    }

    /**
     * Runs {@code git ARGS} in {@code cwd} with {@code overrides} added to its environment (not secrets: the
     * environment of a process is readable by its user).
     */
    public Result run(List<String> args, Path cwd, Duration timeout, Map<String, String> overrides)
            throws SeedingException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(overrides);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SeedingException(Reason.GIT_UNUSABLE, "git could not be started (" + e.getMessage()
                    + "): install git " + GitVersion.MINIMUM + " or newer and put it on PATH", e);
        }
        TailBuffer output = new TailBuffer();
        Thread pump = Thread.ofVirtual().name("git-output").start(() -> output.readAll(process.getInputStream()));
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(QUICK.toMillis(), TimeUnit.MILLISECONDS);
            }
            pump.join(QUICK.toMillis());
            return new Result(finished ? process.exitValue() : -1, output.text(), !finished);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new SeedingException(Reason.GIT_UNUSABLE, "interrupted while git ran");
        }
    }

    /**
     * Checks that git runs and is at least {@link GitVersion#MINIMUM}.
     *
     * @throws SeedingException ({@link Reason#GIT_UNUSABLE}) naming the version found and the one needed
     */
    public GitVersion requireSupportedVersion() throws SeedingException {
        Result result = run(List.of("version"), Path.of("/"), QUICK);
        GitVersion version = GitVersion.parse(result.output()).orElseThrow(() -> new SeedingException(
                Reason.GIT_UNUSABLE, "could not tell git's version from 'git version' (it printed: "
                        + result.output().strip() + ")"));
        if (!version.isAtLeast(GitVersion.MINIMUM)) {
            throw new SeedingException(Reason.GIT_UNUSABLE, "git " + version + " is too old: cloning with a token needs "
                    + "git " + GitVersion.MINIMUM + " or newer, which fixed the credential-helper URL injections "
                    + "CVE-2020-5260 and CVE-2020-11008; upgrade git");
        }
        return version;
    }

    /**
     * Checks a branch name as {@code git check-ref-format --branch} does, refusing option-like names first so
     * that no name can be read by git as an option.
     *
     * @throws SeedingException ({@link Reason#REFUSED_INPUT}) saying why the name is refused
     */
    public void requireBranchName(String branch) throws SeedingException {
        if (branch.isEmpty() || branch.startsWith("-")) {
            throw new SeedingException(Reason.REFUSED_INPUT, "refused --branch '" + branch
                    + "': a branch name may not be empty or start with '-'");
        }
        if (branch.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new SeedingException(Reason.REFUSED_INPUT, "refused --branch: it contains a control character");
        }
        Result result = run(List.of("check-ref-format", "--branch", branch), Path.of("/"), QUICK);
        // git may expand shorthands such as @{-1}; only a name that is itself valid is accepted
        if (!result.succeeded() || !result.output().strip().equals(branch)) {
            throw new SeedingException(Reason.REFUSED_INPUT, "refused --branch '" + branch
                    + "': not a valid branch name (see 'git check-ref-format --branch')");
        }
    }

    /** Keeps the last {@link #OUTPUT_CAP_BYTES} bytes of a stream: git's error is at the end. */
    private static final class TailBuffer {
        private final byte[] bytes = new byte[OUTPUT_CAP_BYTES * 2];
        private int length;

        synchronized String text() {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        void readAll(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    append(buffer, n);
                }
            } catch (IOException e) {
                // the pipe closes when git is killed; what was read is kept
            }
        }

        private synchronized void append(byte[] buffer, int n) {
            if (length + n > bytes.length) {
                int keep = Math.max(0, Math.min(length, OUTPUT_CAP_BYTES - n));
                System.arraycopy(bytes, length - keep, bytes, 0, keep);
                length = keep;
            }
            int take = Math.min(n, bytes.length - length);
            System.arraycopy(buffer, n - take, bytes, length, take);
            length += take;
        }
    }
}
