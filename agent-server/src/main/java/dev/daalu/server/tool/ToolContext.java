package dev.daalu.server.tool;

import dev.daalu.indexer.RepoIndex;
import dev.daalu.server.workspace.AtomicWriter;
import dev.daalu.server.workspace.CommandRunner;
import dev.daalu.server.workspace.Workspace;

import java.util.Objects;

/**
 * What tools work with: the confined workspace, its index, the writer and command runner, and the caps.
 *
 * @param workspace path confinement and the root
 * @param index search, map and listings
 * @param writer atomic file writes
 * @param commands command execution
 * @param limits output caps for this model
 * @param defaultCommandTimeoutSeconds run_command's timeout when the model gives none
 * @param changes told what a tool changed, so the index catches up at once
 */
public record ToolContext(Workspace workspace, RepoIndex index, AtomicWriter writer, CommandRunner commands,
                          OutputLimits limits, int defaultCommandTimeoutSeconds, ChangeNotifier changes) {

    public ToolContext {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(changes, "changes");
    }

    public ToolContext withLimits(OutputLimits value) {
        return new ToolContext(workspace, index, writer, commands, value, defaultCommandTimeoutSeconds, changes);
    }
}
