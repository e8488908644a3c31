package dev.daalu.server.cli;

import dev.daalu.indexer.IndexListener;
import dev.daalu.server.agent.SessionStore;
import dev.daalu.server.config.ConfigLoader;
import dev.daalu.server.repl.ChatRepl;
import dev.daalu.server.repl.ConsoleApprover;
import dev.daalu.server.repl.JLineConsole;
import dev.daalu.server.repl.PipedConsole;
import dev.daalu.server.runtime.LocalWorkspaceOpener;
import dev.daalu.server.runtime.WorkspaceRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code daalu chat}: the agent in a terminal, on the same core and approvals as the editor. Without a terminal
 * (piped stdin) it reads one message from stdin (or {@code --message}), runs one turn, and answers side effects by
 * the {@code --approve} policy, which is {@code deny} unless given.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Chat with the agent in this terminal. Every file change and command asks y/n first.",
                "Without a terminal, reads the message from stdin and denies side effects unless --approve approve."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the conversation ended (or the turn completed)", "1:a turn failed", "2:bad usage",
                "3:the turn completed, but side effects were denied because no one could approve them"})
public final class ChatCommand implements Callable<Integer> {

    @Option(names = "--dir", description = "Workspace directory (default: the current directory)")
    Path dir;

    @Option(names = "--session", description = "Resume this stored session")
    String session;

    @Option(names = "--resume", description = "Resume the most recent session")
    boolean resume;

    @Option(names = {"-m", "--message"}, description = "Run this one message and exit")
    String message;

    @Option(names = "--approve", defaultValue = "deny", paramLabel = "deny|approve",
            description = "Without a terminal: how to answer approvals (default: ${DEFAULT-VALUE}); in a terminal you are asked")
    String approve;

    @Option(names = "--endpoint", description = "Your model server's base URL (e.g. http://127.0.0.1:8000/v1)")
    String endpoint;

    @Option(names = "--model", description = "Catalog model id or served name")
    String model;

    @Option(names = "--max-steps", description = "Model steps per turn (default 25)")
    Integer maxSteps;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set)")
    boolean noColor;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConsoleApprover.Policy policy;
        try {
            policy = ConsoleApprover.Policy.parse(approve);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path workspace = dir != null ? dir : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(workspace)) {
            spec.commandLine().getErr().println("daalu chat: " + workspace + " is not a directory");
            return 1;
        }
        boolean colorsOff = noColor || System.getenv("NO_COLOR") != null;
        ConfigLoader.Overrides overrides = new ConfigLoader.Overrides(endpoint, model, null, maxSteps);
        try (WorkspaceRuntime runtime = new LocalWorkspaceOpener(System.getenv(), overrides, Clock.systemUTC())
                .open(workspace, IndexListener.NONE)) {
            String sessionId = sessionToResume(runtime.sessions());
            if (interactive()) {
                // someone is at the terminal: every side effect is asked, also for a single --message
                try (JLineConsole console = JLineConsole.open(historyFile(), colorsOff)) {
                    ChatRepl repl = new ChatRepl(runtime, console, new ConsoleApprover(console, ConsoleApprover.Policy.ASK), sessionId);
                    return message == null ? repl.run() : repl.runOnce(message);
                }
            }
            PipedConsole console = new PipedConsole(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                    new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
            ChatRepl repl = new ChatRepl(runtime, console, new ConsoleApprover(console,
                    policy == ConsoleApprover.Policy.ASK ? ConsoleApprover.Policy.DENY : policy), sessionId);
            return repl.runOnce(message != null ? message : console.readAll());
        }
    }

    private String sessionToResume(SessionStore sessions) throws Exception {
        if (session != null) {
            sessions.get(session);
            return session;
        }
        if (resume) {
            List<SessionStore.Summary> latest = sessions.list(1);
            return latest.isEmpty() ? null : latest.get(0).id();
        }
        return null;
    }

    /** Whether stdin and stdout are a terminal (Java 22+ answers through Console.isTerminal). */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 a console exists only for a terminal
        }
    }

    private static Path historyFile() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("daalu").resolve("chat-history");
    }
}
