package dev.daalu.server.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats a log record as one line, {@code 2026-12-03T16:42:42.123Z WARN FrameReader: message}, with every
 * secret removed by a {@link SecretRedactor}. A thrown exception is summarised on the same line (its class and message,
 * and those of its causes); its stack trace follows on indented lines only when {@code stackTraces} is on (debug
 * logging), so that at the default level each record stays one line.
 *
 * <p>Thread-safe.
 */
public final class RedactingFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SecretRedactor redactor;
    private final boolean stackTraces;

    public RedactingFormatter(SecretRedactor redactor, boolean stackTraces) {
        this.redactor = redactor;
        this.stackTraces = stackTraces;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                .append(levelName(record.getLevel())).append(' ')
                .append(simpleName(record.getLoggerName())).append(": ")
                .append(oneLine(formatMessage(record)));
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            line.append(" (").append(summary(thrown)).append(')');
        }
        if (thrown != null && stackTraces) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                line.append(t == thrown ? "" : "\n\tcaused by " + t.getClass().getName());
                for (StackTraceElement frame : t.getStackTrace()) {
                    line.append("\n\tat ").append(frame);
                }
            }
        }
        return redactor.redact(line.toString()) + System.lineSeparator();
    }

    /** The names users know: ERROR, WARN, INFO, DEBUG, TRACE. */
    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        } else if (value >= Level.WARNING.intValue()) {
            return "WARN";
        } else if (value >= Level.INFO.intValue()) {
            return "INFO";
        } else if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }

    private static String simpleName(String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return "root";
        }
        return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }

    /** Messages that span lines are kept on one, so that one record is one line. */
    private static String oneLine(String message) {
        return message == null ? "" : message.replace("\r\n", " | ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String summary(Throwable thrown) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 5; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (depth > 0) {
                out.append("; caused by ");
            }
            out.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                out.append(": ").append(oneLine(t.getMessage()));
            }
        }
        return out.toString();
    }
}
