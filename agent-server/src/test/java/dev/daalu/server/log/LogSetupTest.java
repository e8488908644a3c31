package dev.daalu.server.log;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSetupTest {

    private static final String TOKEN = "TESTTOKEN-B34-0123456789abcdef0123";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @AfterEach
    void restoreDefaults() throws IOException {
        LogManager.getLogManager().readConfiguration();
    }

    private String written() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneRedactedLinePerRecordWithTheExceptionOnTheSameLine() throws IOException {
        SecretRedactor redactor = new SecretRedactor();
        redactor.register(TOKEN);
        LogSetup.install(Level.INFO, null, new PrintStream(stderr, true, StandardCharsets.UTF_8), redactor);

        Logger.getLogger("org.eclipse.jgit.transport.Http").log(Level.WARNING, "clone of https://git.example.com failed\nretrying",
                new IOException("auth with " + TOKEN + " refused", new IllegalStateException("Basic eC1hY2Nlc3MtdG9rZW46VEVTVFRPS0VOLUIzNC0wMTIzNDU2Nzg5YWJjZGVmMDEyMw==")));

        String out = written();
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN Http: clone of https://git.example.com failed "
                + "retrying \\(IOException: auth with \\[REDACTED] refused; caused by IllegalStateException: \\[REDACTED]\\)\\R"), out);
        assertFalse(out.contains("eC1hY2Nl"), out);
    }

    @Test
    void debugShowsFineRecordsAndStackTraces() throws IOException {
        LogSetup.install(Level.FINE, null, new PrintStream(stderr, true, StandardCharsets.UTF_8), new SecretRedactor());

        Logger.getLogger("a.b.C").fine("details");
        Logger.getLogger("a.b.C").log(Level.WARNING, "failed", new IllegalStateException("x"));
        Logger.getLogger("a.b.C").finest("not shown");

        String out = written();
        assertTrue(out.contains(" DEBUG C: details"), out);
        assertTrue(out.contains("\tat dev.daalu.server.log.LogSetupTest"), out);
        assertFalse(out.contains("not shown"), out);
    }

    @Test
    void infoHidesDebugRecords() throws IOException {
        LogSetup.install(Level.INFO, null, new PrintStream(stderr, true, StandardCharsets.UTF_8), new SecretRedactor());

        Logger.getLogger("x").fine("hidden");

        assertEquals("", written());
    }

    @Test
    void aLogFileIsAppendedToAndOnlyItsOwnerMayReadIt() throws IOException {
        Path file = dir.resolve("logs/daalu.log");

        LogSetup.install(Level.INFO, file, new PrintStream(stderr, true, StandardCharsets.UTF_8), new SecretRedactor());
        Logger.getLogger("x").info("to the file");
        LogManager.getLogManager().reset();

        assertEquals("", written());
        assertTrue(Files.readString(file).contains(" INFO x: to the file"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void levelsAreParsedAsUsersWriteThem() {
        assertEquals(Level.FINE, LogSetup.parseLevel("debug"));
        assertEquals(Level.WARNING, LogSetup.parseLevel("WARN"));
        assertEquals(Level.SEVERE, LogSetup.parseLevel("error"));
        assertEquals(Level.FINEST, LogSetup.parseLevel("trace"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogSetup.parseLevel("loud"));
        assertTrue(e.getMessage().contains("use ERROR, WARN, INFO, DEBUG or TRACE"));
    }
}
