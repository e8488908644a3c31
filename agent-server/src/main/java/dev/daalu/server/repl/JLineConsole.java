package dev.daalu.server.repl;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The interactive console: JLine line editing and history, and Ctrl-C through the terminal's signal handler. */
public final class JLineConsole implements Console, AutoCloseable {

    private final Terminal terminal;
    private final LineReader reader;
    private final boolean colors;
    private volatile Runnable turnInterrupt;

    private JLineConsole(Terminal terminal, LineReader reader, boolean colors) {
        this.terminal = terminal;
        this.reader = reader;
        this.colors = colors;
    }

    /** Opens the system terminal, with history kept in {@code historyFile}. */
    public static JLineConsole open(Path historyFile, boolean noColor) throws IOException {
        ownerOnly(historyFile);
        Terminal terminal = TerminalBuilder.builder().system(true).name("daalu").build();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("daalu")
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .build();
        boolean colors = !noColor && !Terminal.TYPE_DUMB.equals(terminal.getType());
        return new JLineConsole(terminal, reader, colors);
    }

    @Override
    public String readLine(String prompt) throws Interrupted, EndOfInput {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            // Ctrl-C at a prompt asked during a turn (an approval) cancels that turn, as it does while streaming
            Runnable turn = turnInterrupt;
            if (turn != null) {
                turn.run();
            }
            throw new Interrupted();
        } catch (EndOfFileException e) {
            throw new EndOfInput();
        }
    }

    @Override
    public PrintWriter out() {
        return terminal.writer();
    }

    @Override
    public PrintWriter err() {
        return terminal.writer();
    }

    @Override
    public boolean colors() {
        return colors;
    }

    @Override
    public AutoCloseable onInterrupt(Runnable handler) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> handler.run());
        turnInterrupt = handler;
        return () -> {
            turnInterrupt = null;
            terminal.handle(Terminal.Signal.INT, previous);
        };
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }

    // what the user typed about their code stays theirs: JLine would create the file under the umask
    private static void ownerOnly(Path historyFile) throws IOException {
        Path parent = historyFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        try {
            Files.createFile(historyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // an existing history keeps the mode its owner gave it
        }
    }
}
