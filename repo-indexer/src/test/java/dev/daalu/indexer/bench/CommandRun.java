package dev.daalu.indexer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of an external baseline command (ctags, cat, rg): its wall time and, when run under
 * {@code /usr/bin/time -v}, its user and system CPU and peak RSS.
 *
 * @param status the exit status
 * @param wallNanos wall time measured around the process, start to exit
 * @param userSeconds user CPU; -1 when not measured
 * @param sysSeconds system CPU; -1 when not measured
 * @param maxRssKb peak resident set in KiB; -1 when not measured
 * @param stdout the captured standard output; empty when it was discarded
 */
record CommandRun(int status, long wallNanos, double userSeconds, double sysSeconds, long maxRssKb, byte[] stdout) {

    private static final Pattern TIME_FIELD = Pattern.compile("^\\s*([^:]+):\\s*(\\S+)\\s*$", Pattern.MULTILINE);

    /**
     * Runs {@code command} in {@code dir}, capturing stdout when {@code capture}, else discarding it.
     *
     * @throws IOException when the command cannot start or exits with a status other than 0 or 1
     *     (1 is rg's "no match")
     */
    static CommandRun run(Path dir, List<String> command, boolean capture) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (!capture) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] out = capture ? process.getInputStream().readAllBytes() : new byte[0];
        int status = process.waitFor();
        long wall = System.nanoTime() - start;
        if (status > 1) {
            throw new IOException(String.join(" ", command) + " exited with status " + status);
        }
        return new CommandRun(status, wall, -1, -1, -1, out);
    }

    /**
     * {@link #run} under {@code /usr/bin/time -v}, which adds CPU and peak RSS. Output is discarded.
     *
     * @throws IOException when the command cannot start or exits with any status but 0
     */
    static CommandRun measured(Path dir, List<String> command) throws IOException, InterruptedException {
        Path report = Files.createTempFile("daalu-bench-time", ".txt");
        try {
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", report.toString()));
            timed.addAll(command);
            CommandRun run = run(dir, timed, false);
            if (run.status() != 0) {
                throw new IOException(String.join(" ", command) + " exited with status " + run.status());
            }
            String text = Files.readString(report, StandardCharsets.UTF_8);
            double user = -1;
            double sys = -1;
            long rss = -1;
            Matcher field = TIME_FIELD.matcher(text);
            while (field.find()) {
                switch (field.group(1).strip()) {
                    case "User time (seconds)" -> user = Double.parseDouble(field.group(2));
                    case "System time (seconds)" -> sys = Double.parseDouble(field.group(2));
                    case "Maximum resident set size (kbytes)" -> rss = Long.parseLong(field.group(2));
                    default -> { }
                }
            }
            return new CommandRun(run.status(), run.wallNanos(), user, sys, rss, run.stdout());
        } finally {
            Files.deleteIfExists(report);
        }
    }

    double cpuSeconds() {
        return userSeconds + sysSeconds;
    }
}
