package dev.daalu.e2e.seeding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real git for test setup and checks, isolated from the machine's git configuration. */
final class Git {

    /** What git printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    private Git() {
    }

    /** Runs git in {@code dir} and returns its output; fails the test when git fails. */
    static String run(Path dir, String... args) throws IOException, InterruptedException {
        Result result = result(dir, Map.of(), args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + result.output());
        }
        return result.output();
    }

    /** Runs git in {@code dir} with {@code env} added (no system config, prompts off) and returns how it ended. */
    static Result result(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putAll(env);
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("git " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }
}
