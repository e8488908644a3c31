package dev.daalu.server.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaaluCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = DaaluCommand.commandLine();
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void aSearchForTextStartingWithADashSaysHowToWriteIt() {
        assertEquals(2, run("search", "-var-file"));

        assertTrue(err.toString().contains("put -- before it: daalu search -- '-var-file'"), err.toString());
        assertTrue(err.toString().contains("Usage: daalu search"), err.toString());
    }

    @Test
    void aMistypedFlagGetsASuggestionAndExitTwo() {
        assertEquals(2, run("search", "--glbo", "*.tf", "x"));

        assertTrue(err.toString().contains("Unknown options: '--glbo'"), err.toString());
        assertTrue(err.toString().contains("Possible solutions: --glob"), err.toString());
        assertFalse(err.toString().contains("put -- before it"), err.toString());
    }
}
