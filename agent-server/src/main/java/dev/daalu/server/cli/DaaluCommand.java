package dev.daalu.server.cli;

import dev.daalu.indexer.cli.IndexCommand;
import dev.daalu.indexer.cli.MapCommand;
import dev.daalu.indexer.cli.SearchCommand;
import dev.daalu.server.config.ConfigLoader;
import dev.daalu.server.log.LogSetup;
import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.runtime.LocalWorkspaceOpener;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;

/**
 * The {@code daalu} command line. Subcommands are registered in {@link #commandLine()}; each lives in
 * its own class. Exit codes follow command-line conventions: 0 success, 1 failure, 2 usage error.
 */
@Command(name = "daalu", mixinStandardHelpOptions = true, versionProvider = DaaluCommand.Version.class,
        description = "Private coding agent: index, search and map a repository, and chat with an in-perimeter model.")
public final class DaaluCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Lucene warns on every start that the incubating Vector API is not enabled; that only costs some speed in
     * vector search, which Daalu does not use, so the warning is noise for users. Held here so it is not collected.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

    /** PathGlob reports a malformed glob to the user itself; JGit would also log it, with a stack trace. */
    private static final java.util.logging.Logger JGIT_IGNORE_RULES =
            java.util.logging.Logger.getLogger("org.eclipse.jgit.ignore.FastIgnoreRule");

    public static void main(String[] args) {
        // the terminal commands show warnings as one redacted line, never INFO chatter or a library's stack
        // trace between the user's output; `serve` installs its own logging from its options
        try {
            LogSetup.install(java.util.logging.Level.WARNING, null, System.err, SecretRedactor.global());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // cannot happen: no log file is opened
        }
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
        JGIT_IGNORE_RULES.setLevel(java.util.logging.Level.OFF);
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
        line.addSubcommand(new ServeCommand(
                new LocalWorkspaceOpener(System.getenv(), ConfigLoader.Overrides.NONE, Clock.systemUTC()), SecretRedactor.global()));
        line.setExecutionExceptionHandler(new ErrorHandler());
        line.setParameterExceptionHandler(DaaluCommand::badUsage);
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    // picocli's own report (message, suggestions, usage; exit 2), and for search the way to look for "-var-file"
    private static int badUsage(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(ex.getMessage());
        boolean dashQuery = Arrays.stream(args).anyMatch(arg -> arg.startsWith("-") && !arg.startsWith("--"));
        if (command.getCommandName().equals("search") && dashQuery
                && (ex instanceof CommandLine.MissingParameterException || ex instanceof CommandLine.UnmatchedArgumentException)) {
            err.println("To search for text that starts with '-', put -- before it: daalu search -- '-var-file'");
        }
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            command.usage(err);
        }
        return command.getCommandSpec().exitCodeOnInvalidInput();
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
