package dev.daalu.indexer.cli;

import dev.daalu.indexer.IndexListener;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows an index pass as one line on a terminal, rewritten in place: {@code indexing: 12,000 files walked,
 * 3,000/5,000 read, 2,000 parsed}. The pass already throttles its reports, so each one is drawn.
 * Thread-safe (reports come from worker threads).
 */
final class TerminalProgress implements IndexListener {

    private final PrintWriter err;
    private long walked;
    private long read;
    private long toRead;
    private long parsed;
    private boolean drawn;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** Whether standard error is a terminal (Linux: file descriptor 2 links to a tty or pty). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public synchronized void onProgress(IndexProgress progress) {
        switch (progress.phase()) {
            case WALK -> walked = progress.done();
            case READ -> {
                read = progress.done();
                toRead = progress.total();
            }
            case PARSE -> parsed = progress.done();
            case COMMIT, DONE -> {
                clear();
                return;
            }
        }
        err.print("\r\u001b[K" + String.format(Locale.ROOT, "indexing: %,d files walked, %,d/%,d read, %,d parsed",
                walked, read, Math.max(read, toRead), parsed));
        err.flush();
        drawn = true;
    }

    /** Erases the line, if one was drawn. */
    synchronized void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }
}
