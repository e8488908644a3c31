package dev.daalu.server.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = DaaluCommand.commandLine();
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void needsExactlyOneTransport() {
        assertEquals(2, run("serve"));
        assertEquals(2, run("serve", "--stdio", "--port", "0"));
        assertTrue(err.toString().contains("--stdio"), err.toString());
    }

    @Test
    void refusesAnUnknownLogLevelBeforeTouchingStdout() {
        java.io.PrintStream before = System.out;

        assertEquals(2, run("serve", "--stdio", "--log-level", "loud"));

        assertTrue(err.toString().contains("unknown log level 'loud'; use ERROR, WARN, INFO, DEBUG or TRACE"), err.toString());
        assertEquals(before, System.out);
    }

    @Test
    void refusesAPortOutOfRangeAndATinyMessageLimit() {
        assertEquals(2, run("serve", "--port", "70000"));
        assertTrue(err.toString().contains("--port must be 0..65535, not 70000"), err.toString());
        assertEquals(2, run("serve", "--stdio", "--max-message-bytes", "10"));
        assertTrue(err.toString().contains("the message size limit must be between 1024"), err.toString());
    }
}
