package dev.daalu.server.repl;

import java.io.PrintWriter;

/**
 * The terminal as the REPL sees it: line input with interrupt and end-of-input, output, and the Ctrl-C
 * signal while a turn runs. {@link JLineConsole} is the real one.
 */
public interface Console {

    /**
     * Reads one line.
     *
     * @throws Interrupted when the user pressed Ctrl-C at the prompt
     * @throws EndOfInput when the user pressed Ctrl-D, or input ended
     */
    String readLine(String prompt) throws Interrupted, EndOfInput;

    /** Where answers go (stdout). */
    PrintWriter out();

    /** Where status and prompts go (stderr in non-interactive use; the terminal otherwise). */
    PrintWriter err();

    /** Whether colours may be used (a terminal, and NO_COLOR unset). */
    boolean colors();

    /**
     * Runs {@code handler} on Ctrl-C until the returned handle is closed (used while a turn runs), also when the
     * Ctrl-C ends a {@link #readLine} asked meanwhile (an approval prompt).
     */
    AutoCloseable onInterrupt(Runnable handler);

    /** Ctrl-C at a prompt. */
    final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Ctrl-D, or the end of piped input. */
    final class EndOfInput extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
