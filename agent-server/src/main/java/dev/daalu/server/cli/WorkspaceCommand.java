package dev.daalu.server.cli;

import dev.daalu.server.bootstrap.GitCli;
import dev.daalu.server.bootstrap.RepoUrl;
import dev.daalu.server.bootstrap.SeedRecord;
import dev.daalu.server.bootstrap.SeedRequest;
import dev.daalu.server.bootstrap.SeedResult;
import dev.daalu.server.bootstrap.SeedingException;
import dev.daalu.server.bootstrap.StateDirectory;
import dev.daalu.server.bootstrap.TokenVault;
import dev.daalu.server.bootstrap.WorkspaceSeeder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code daalu workspace init|set-token|status}: seeds the workspace from a repository on first boot and keeps
 * the private repository's token encrypted. Errors are one redacted line on stderr; exit codes are in each
 * subcommand's help.
 */
@Command(name = "workspace", mixinStandardHelpOptions = true,
        description = "Seed the workspace from a repository on first boot, and keep a private repository's token.",
        subcommands = {WorkspaceCommand.Init.class, WorkspaceCommand.SetToken.class, WorkspaceCommand.Status.class})
public final class WorkspaceCommand implements Runnable {

    private static final String EXIT_OK = "0:Success.";
    private static final String EXIT_FAILED = "1:A failure: git missing or older than 2.26.1, the clone failed, "
            + "DAALU_TOKEN_KEY_FILE unset or not a valid Fernet key, or a file could not be read or written.";
    private static final String EXIT_REFUSED = "2:The input was refused: a bad option, URL, branch, CA file or token.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: init, set-token or status");
    }

    @Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Clone the repository into the workspace folder on first boot; without --repo the workspace "
                    + "starts empty (created if missing). A workspace that already holds files is left untouched.",
                    "Only https:// URLs are accepted. If a token was stored with 'daalu workspace set-token', git gets "
                    + "it from this process's memory for this host and repository path only."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {EXIT_OK, EXIT_FAILED, EXIT_REFUSED})
    static final class Init implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--repo", paramLabel = "URL", description = "The https:// URL of the repository to clone.")
        String repo;

        @Option(names = "--branch", paramLabel = "NAME", description = "The branch to check out (default: the "
                + "repository's default branch).")
        String branch;

        @Option(names = "--dir", paramLabel = "WORKSPACE", defaultValue = "${env:DAALU_WORKSPACE:-.}",
                description = "The workspace folder (default: $DAALU_WORKSPACE, else the current folder).")
        Path dir;

        @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM file of the CA certificates to trust "
                + "for a self-hosted server with a private CA (git's http.sslCAInfo).")
        Path caFile;

        @Option(names = "--token-user", paramLabel = "NAME", defaultValue = SeedRequest.DEFAULT_TOKEN_USER,
                description = "The user name sent with the token (default: ${DEFAULT-VALUE}; GitLab also takes oauth2).")
        String tokenUser;

        @Option(names = "--timeout-seconds", paramLabel = "N", defaultValue = "1800",
                description = "Give up on a clone that takes longer (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public Integer call() {
            return report(spec, () -> {
                if (branch != null && repo == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--branch needs --repo");
                }
                if (timeoutSeconds < 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--timeout-seconds must be at least 1");
                }
                Optional<RepoUrl> url = repo == null ? Optional.empty() : Optional.of(RepoUrl.parse(repo));
                SeedRequest request = new SeedRequest(dir, url, Optional.ofNullable(branch), Optional.ofNullable(caFile),
                        tokenUser, Duration.ofSeconds(timeoutSeconds));
                PrintWriter out = spec.commandLine().getOut();
                Map<String, String> env = System.getenv();
                StateDirectory state = StateDirectory.fromEnvironment(env);
                WorkspaceSeeder seeder = new WorkspaceSeeder(new GitCli("git", env), TokenVault.fromEnvironment(state, env),
                        state, tempRoot(env), notice -> {
                            out.println("daalu: " + notice);
                            out.flush();
                        });
                SeedResult result = seeder.seed(request);
                out.println("daalu: " + describe(result, url));
            });
        }

        private static String describe(SeedResult result, Optional<RepoUrl> url) {
            return switch (result.outcome()) {
                case CLONED -> "cloned " + url.orElseThrow() + " (branch " + result.branch().orElse("?") + ") into "
                        + result.workspace();
                case STARTED_EMPTY -> "no --repo given: the workspace " + result.workspace() + " starts empty";
                case LEFT_UNTOUCHED -> "the workspace " + result.workspace() + " is not empty, so it was left "
                        + "untouched (a workspace is seeded on first boot only)";
            };
        }

        /** Where the credential helper's socket goes: $TMPDIR when set, like git and the shell, else java.io.tmpdir. */
        private static Path tempRoot(Map<String, String> env) {
            String tmp = env.get("TMPDIR");
            return Path.of(tmp != null && !tmp.isBlank() ? tmp : System.getProperty("java.io.tmpdir"));
        }
    }

    @Command(name = "set-token", mixinStandardHelpOptions = true,
            description = {"Encrypt and store the private repository's token, read from stdin (not echoed on a "
                    + "terminal). It is never printed, and nothing returns it.",
                    "The Fernet key is read from the file that $DAALU_TOKEN_KEY_FILE names; the encrypted token is kept "
                    + "in $XDG_STATE_HOME/daalu (default ~/.local/state/daalu), mode 0600."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {EXIT_OK, EXIT_FAILED, EXIT_REFUSED})
    static final class SetToken implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return report(spec, () -> {
                Map<String, String> env = System.getenv();
                TokenVault vault = TokenVault.fromEnvironment(StateDirectory.fromEnvironment(env), env);
                vault.store(readToken());
                spec.commandLine().getOut().println("daalu: the token is stored, encrypted, in " + vault.tokenFile());
            });
        }

        /** One line from the terminal without echo, or all of stdin (one trailing newline dropped). */
        private static String readToken() throws SeedingException {
            Console console = System.console();
            if (console != null && isTerminal(console)) {
                char[] typed = console.readPassword("Token (not shown): ");
                if (typed == null) {
                    return "";
                }
                String token = new String(typed);
                Arrays.fill(typed, '\0');
                return token;
            }
            try {
                InputStream in = System.in;
                int limit = TokenVault.MAX_TOKEN_CHARS * 4 + 2;
                byte[] bytes = in.readNBytes(limit + 1);
                if (bytes.length > limit) {
                    throw new SeedingException(SeedingException.Reason.REFUSED_INPUT, "refused the token: more than "
                            + TokenVault.MAX_TOKEN_CHARS + " characters on stdin");
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
                return text;
            } catch (IOException e) {
                throw new SeedingException(SeedingException.Reason.IO, "could not read the token from stdin: "
                        + e.getMessage(), e);
            }
        }

        /** Console.isTerminal() exists from Java 22; on 21 a non-null console is a terminal. */
        private static boolean isTerminal(Console console) {
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the seeded repository, branch and workspace, and whether a token is stored (never the token).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {EXIT_OK, EXIT_FAILED})
    static final class Status implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return report(spec, () -> {
                Map<String, String> env = System.getenv();
                StateDirectory state = StateDirectory.fromEnvironment(env);
                Optional<SeedRecord> seeded = SeedRecord.read(state);
                PrintWriter out = spec.commandLine().getOut();
                out.println("repository: " + seeded.map(r -> r.repository() == null ? "none (the workspace started empty)"
                        : r.repository()).orElse("none yet ('daalu workspace init' has not run)"));
                seeded.map(SeedRecord::branch).ifPresent(branch -> out.println("branch: " + branch));
                seeded.map(SeedRecord::workspace).ifPresent(workspace -> out.println("workspace: " + workspace));
                out.println(TokenVault.fromEnvironment(state, env).hasToken() ? "private: a token is stored" : "public");
            });
        }
    }

    /** The body of a subcommand, which may refuse or fail with a {@link SeedingException}. */
    private interface Body {
        void run() throws SeedingException;
    }

    /** Runs {@code body}; a refusal or failure becomes one redacted line on stderr and exit 2 or 1. */
    private static int report(CommandLine.Model.CommandSpec spec, Body body) {
        try {
            body.run();
            return 0;
        } catch (SeedingException e) {
            // the message was redacted when it was made, while the token was still registered
            spec.commandLine().getErr().println("daalu: " + e.getMessage());
            return e.reason() == SeedingException.Reason.REFUSED_INPUT ? 2 : 1;
        }
    }
}
