package dev.daalu.indexer.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** One line on standard error instead of a stack trace, and exit code 1. */
final class Failures {

    private Failures() {
    }

    static int report(PrintWriter err, Exception e) {
        String message;
        if (e instanceof NoSuchFileException missing && missing.getReason() == null) {
            message = "no such file or directory: " + missing.getFile();
        } else if (e instanceof FileSystemException fs && fs.getReason() == null) {
            message = e.getClass().getSimpleName() + ": " + fs.getFile();
        } else {
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        err.println("daalu: " + message);
        err.flush();
        return 1;
    }
}
