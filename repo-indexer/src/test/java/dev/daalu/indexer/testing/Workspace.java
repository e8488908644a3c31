package dev.daalu.indexer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds small workspaces for tests: files, the shared cases' setup scripts, and real git. */
public final class Workspace {

    private Workspace() {
    }

    /** Writes {@code text} (UTF-8) at {@code relative} under {@code root}, creating directories. */
    public static Path write(Path root, String relative, String text) {
        return write(root, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path root, String relative, byte[] bytes) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a test resource under {@code /cases}. */
    public static byte[] caseBytes(String name) {
        try (InputStream in = Workspace.class.getResourceAsStream("/cases/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /cases/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a case's setup script with {@code sh} in {@code dir}; returns its standard output. */
    public static String runCase(String script, Path dir) {
        Path copy = write(dir, ".setup-" + script, caseBytes(script));
        try {
            return run(dir, "sh", copy.toString());
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // a left-over copy in a temp dir is harmless
            }
        }
    }

    /**
     * Runs {@code git} in {@code dir} with no user or system configuration, so only the repository's own
     * rules apply; returns its standard output.
     */
    public static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "init.defaultBranch=main", "-c", "core.excludesFile=/dev/null"));
        command.addAll(List.of(args));
        return run(dir, command.toArray(String[]::new));
    }

    /** Runs a command, fails the test on a non-zero exit, returns standard output. */
    public static String run(Path dir, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            builder.environment().put("HOME", dir.toString());
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ": "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
