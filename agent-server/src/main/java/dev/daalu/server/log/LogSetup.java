package dev.daalu.server.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Configures {@code java.util.logging} for the whole process: one redacted line per record, to stderr or to a
 * file, at one level. JGit (through slf4j-jdk14), LSP4J and {@code System.Logger} all log through it.
 *
 * <p>Call once at startup, before anything logs; a later call replaces the earlier configuration.
 */
public final class LogSetup {

    private LogSetup() {
    }

    /**
     * @param level the lowest level written
     * @param logFile the file to append to (created owner-only), or null for {@code stderr}
     * @param stderr where lines go without a log file: the process's real stderr
     * @param redactor removes secrets from every line
     * @throws IOException when the log file cannot be opened, with its path in the message
     */
    public static void install(Level level, Path logFile, PrintStream stderr, SecretRedactor redactor) throws IOException {
        OutputStream target = logFile == null ? stderr : open(logFile);
        Handler handler = new LineHandler(target, logFile != null,
                new RedactingFormatter(redactor, level.intValue() <= Level.FINE.intValue()));
        handler.setLevel(level);
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        root.addHandler(handler);
    }

    /**
     * Parses a level as users write it: {@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG}, {@code TRACE},
     * {@code OFF}, or a {@code java.util.logging} name such as {@code FINE}; any case.
     *
     * @throws IllegalArgumentException for anything else, naming the accepted values
     */
    public static Level parseLevel(String name) {
        String upper = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "ERROR", "SEVERE" -> Level.SEVERE;
            case "WARN", "WARNING" -> Level.WARNING;
            case "INFO" -> Level.INFO;
            case "DEBUG", "FINE" -> Level.FINE;
            case "FINER" -> Level.FINER;
            case "TRACE", "FINEST", "ALL" -> Level.FINEST;
            case "OFF" -> Level.OFF;
            default -> throw new IllegalArgumentException("unknown log level '" + name
                    + "'; use ERROR, WARN, INFO, DEBUG or TRACE");
        };
    }

    private static OutputStream open(Path file) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException | UnsupportedOperationException e) {
                // an existing log keeps its mode; a file system without POSIX modes gets its default
            }
            return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IOException("cannot open the log file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes each record at once, so a crash loses nothing and lines from threads never interleave. */
    private static final class LineHandler extends StreamHandler {
        private final boolean ownsStream;

        LineHandler(OutputStream out, boolean ownsStream, RedactingFormatter formatter) {
            super(out, formatter);
            this.ownsStream = ownsStream;
            try {
                setEncoding(StandardCharsets.UTF_8.name());
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            if (ownsStream) {
                super.close();
            } else {
                // stderr stays open for the rest of the process
                flush();
            }
        }
    }
}
