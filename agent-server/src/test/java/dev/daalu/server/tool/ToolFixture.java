package dev.daalu.server.tool;

import com.google.gson.JsonParser;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.workspace.AtomicWriter;
import dev.daalu.server.workspace.CommandRunner;
import dev.daalu.server.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.mockito.Mockito.mock;

/**
 * A workspace in a temporary directory with a tool context around it. The index is a mock: tools that use
 * it are tested against the real index elsewhere.
 */
public final class ToolFixture {

    public final Path root;
    public final Path state;
    public final RepoIndex index = mock(RepoIndex.class);
    public final List<Path> changed = new ArrayList<>();
    public int commandsRan;
    public final ToolContext context;

    public ToolFixture(Path temp) throws IOException {
        this.root = Files.createDirectories(temp.resolve("ws"));
        this.state = Files.createDirectories(temp.resolve("state"));
        ChangeNotifier notifier = new ChangeNotifier() {
            @Override
            public void filesChanged(List<Path> files) {
                changed.addAll(files);
            }

            @Override
            public void workspaceMayHaveChanged() {
                commandsRan++;
            }
        };
        this.context = new ToolContext(Workspace.open(root), index, new AtomicWriter(state.resolve("writes.journal")),
                new CommandRunner(64 * 1024), OutputLimits.forContextWindow(32_768), 120, notifier);
    }

    public Prepared prepare(Tool tool, String argumentsJson) throws ToolException {
        return prepare(tool, argumentsJson, context);
    }

    public Prepared prepare(Tool tool, String argumentsJson, ToolContext with) throws ToolException {
        return tool.prepare(ToolArgs.of(JsonParser.parseString(argumentsJson).getAsJsonObject()), with);
    }

    /** Prepares and runs, as if approved. */
    public ToolResult run(Tool tool, String argumentsJson) throws ToolException {
        return prepare(tool, argumentsJson).run(CancelToken.none());
    }

    public Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
