package dev.daalu.server.tool.builtin;

import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.tool.Effect;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.Schemas;
import dev.daalu.server.tool.Tool;
import dev.daalu.server.tool.ToolArgs;
import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolResult;
import dev.daalu.server.tool.ToolSpec;
import dev.daalu.server.workspace.CommandResult;
import dev.daalu.server.workspace.WorkspacePath;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code run_command {command, cwd?, timeout_s?}}: runs a shell command with {@code bash -lc} in the workspace
 * (or a directory inside it), after the user approves that exact command and directory.
 *
 * <p>Every command asks, whatever it looks like: there is no allow-list, so no chained command
 * ({@code ls && ...}, {@code ls; ...}, pipes, redirections) can ride on an approved prefix. On timeout or
 * cancel the command's whole process group is killed. Output (stdout and stderr together) is capped,
 * keeping its head and tail.
 */
public final class RunCommandTool implements Tool {

    static final int MAX_TIMEOUT_SECONDS = 3600;
    static final int MAX_COMMAND_CHARS = 16_000;

    private static final ToolSpec SPEC = new ToolSpec("run_command",
            "Run a shell command (bash -lc) in the workspace, e.g. terraform validate or pytest -q. The user sees the "
                    + "exact command and must approve it. Returns the exit code and the output (stdout and stderr).",
            Schemas.object()
                    .string("command", "The command line to run")
                    .string("cwd", "Working directory relative to the workspace root (default: the root)")
                    .integer("timeout_s", "Seconds before the command is killed (default 120)", 1, MAX_TIMEOUT_SECONDS)
                    .required("command").build(),
            Effect.COMMAND);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Prepared prepare(ToolArgs args, ToolContext context) throws ToolException {
        String command = args.requiredString("command", "the shell command to run");
        if (command.isBlank()) {
            throw new ToolException("Argument 'command' is empty; give the command line to run.");
        }
        if (command.length() > MAX_COMMAND_CHARS) {
            throw new ToolException("The command is longer than " + MAX_COMMAND_CHARS + " characters; write a script "
                    + "with write_file and run that instead.");
        }
        if (command.indexOf('\0') >= 0) {
            throw new ToolException("The command contains a NUL character, which no shell can run.");
        }
        String cwdArgument = args.optionalString("cwd");
        WorkspacePath cwd = FileArguments.resolve(context, cwdArgument == null ? "." : cwdArgument);
        if (!cwd.isDirectory()) {
            throw new ToolException("cwd '" + cwd.relative() + "' is not a directory of the workspace.");
        }
        int timeout = args.optionalInt("timeout_s", context.defaultCommandTimeoutSeconds(), 1, MAX_TIMEOUT_SECONDS);
        String firstLine = command.strip().lines().findFirst().orElse("");
        String summary = "Run: " + (firstLine.length() > 120 ? firstLine.substring(0, 117) + "..." : firstLine)
                + (command.strip().contains("\n") ? " (+ more lines)" : "");
        ApprovalPreview preview = ApprovalPreview.command(summary, command, cwd.relative(), timeout);
        return Prepared.gated(preview, cancel -> {
            CommandResult result;
            try {
                result = context.commands().run(command, cwd.absolute(), Duration.ofSeconds(timeout), cancel,
                        context.limits().maxOutputChars());
            } catch (IOException e) {
                throw new ToolException("The command could not be started: " + e.getMessage());
            } finally {
                context.changes().workspaceMayHaveChanged();
            }
            return render(result, timeout);
        });
    }

    static ToolResult render(CommandResult result, int timeoutSeconds) {
        String seconds = String.format(Locale.ROOT, "%.1f s", result.millis() / 1000.0);
        String head;
        if (result.timedOut()) {
            head = "Timed out after " + timeoutSeconds + " s; the command and every process it started were killed.";
        } else if (result.cancelled()) {
            head = "Cancelled after " + seconds + "; the command and every process it started were killed.";
        } else {
            head = "Exit code " + result.exitCode() + " (" + seconds + ").";
        }
        String output = result.output().isEmpty() ? "(no output)" : result.output();
        return ToolResult.ok(head + "\n" + output + (output.endsWith("\n") ? "" : "\n"), result.bytesCut() > 0);
    }
}
