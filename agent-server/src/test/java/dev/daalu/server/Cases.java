package dev.daalu.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The hard inputs of ../shared/cases, copied into this module's test resources. */
public final class Cases {

    private Cases() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Cases.class.getResourceAsStream("/cases/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test case " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** Copies a case file into {@code dir} under {@code as}. */
    public static Path copy(String name, Path dir, String as) throws IOException {
        Path target = dir.resolve(as);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes(name));
        return target;
    }

    /** Runs a case's setup script with sh in {@code dir}; returns what it printed. */
    public static String runScript(String name, Path dir) throws IOException, InterruptedException {
        Path script = copy(name, dir, ".case-" + name);
        Process process = new ProcessBuilder("sh", script.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed: " + output);
        }
        Files.delete(script);
        return output;
    }
}
