package dev.daalu.server.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The console when stdin is not a terminal: lines come from stdin, answers go to stdout and everything else to
 * stderr, without colours. There is no one to press Ctrl-C at a prompt.
 */
public final class PipedConsole implements Console {

    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;

    public PipedConsole(BufferedReader in, PrintWriter out, PrintWriter err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public String readLine(String prompt) throws EndOfInput {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new EndOfInput();
            }
            return line;
        } catch (IOException e) {
            throw new EndOfInput();
        }
    }

    /** Everything left on stdin, as one message. */
    public String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public boolean colors() {
        return false;
    }

    @Override
    public AutoCloseable onInterrupt(Runnable handler) {
        return () -> { };
    }
}
