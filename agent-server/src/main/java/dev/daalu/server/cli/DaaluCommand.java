package dev.daalu.server.cli;

import dev.daalu.indexer.cli.IndexCommand;
import dev.daalu.indexer.cli.MapCommand;
import dev.daalu.indexer.cli.SearchCommand;
import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.runtime.WorkspaceOpener;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;

/**
 * The {@code daalu} command line. Subcommands are registered in {@link #commandLine()}; each lives in
 * its own class. Exit codes follow command-line conventions: 0 success, 1 failure, 2 usage error.
 */
@Command(name = "daalu", mixinStandardHelpOptions = true, versionProvider = DaaluCommand.Version.class,
        description = "Private coding agent: index, search and map a repository, and chat with an in-perimeter model.")
public final class DaaluCommand implements Runnable {

    /** Until the composition root provides the real one, initialize answers that no workspace can be opened. */
    private static final WorkspaceOpener NOT_WIRED = (root, progress) -> {
        throw new IOException("this build has no workspace runtime wired in yet");
    };

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new DaaluCommand());
        line.addSubcommand(new IndexCommand());
        line.addSubcommand(new SearchCommand());
        line.addSubcommand(new MapCommand());
        line.addSubcommand(new ChatCommand());
        line.addSubcommand(new ModelsCommand());
        line.addSubcommand(new StatusCommand());
        line.addSubcommand(new WorkspaceCommand());
        line.addSubcommand(new ServeCommand(NOT_WIRED, SecretRedactor.global()));
        line.setExecutionExceptionHandler(new ErrorHandler());
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** Reports the jar's Implementation-Version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DaaluCommand.class.getPackage().getImplementationVersion();
            return new String[] {"daalu " + (version == null ? "dev" : version)};
        }
    }

    /** One clear, redacted line on stderr instead of a stack trace; exit code 1. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            line.getErr().println("daalu: " + SecretRedactor.global().redact(message));
            return 1;
        }
    }
}
