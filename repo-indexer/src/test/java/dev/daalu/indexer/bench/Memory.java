package dev.daalu.indexer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's resident memory (from /proc/self/status, Linux only) and CPU time. */
final class Memory {

    private Memory() {
    }

    /** VmHWM: the peak resident set since the process started. */
    static long peakRssBytes() throws IOException {
        return statusKb("VmHWM:") * 1024;
    }

    /** VmRSS: the resident set now. */
    static long rssBytes() throws IOException {
        return statusKb("VmRSS:") * 1024;
    }

    /** RssAnon: resident memory now that no file backs (heap, native allocations). */
    static long anonymousRssBytes() throws IOException {
        return statusKb("RssAnon:") * 1024;
    }

    /** RssFile: resident pages of mapped files now (Lucene's index files): page cache, reclaimable. */
    static long fileRssBytes() throws IOException {
        return statusKb("RssFile:") * 1024;
    }

    /** CPU time of the whole process (every thread, user and system). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
            }
        }
        throw new IOException("/proc/self/status has no " + field);
    }
}
