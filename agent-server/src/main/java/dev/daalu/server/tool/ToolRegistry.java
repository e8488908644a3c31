package dev.daalu.server.tool;

import dev.daalu.server.model.ToolDefinition;
import dev.daalu.server.tool.builtin.EditFileTool;
import dev.daalu.server.tool.builtin.ListDirTool;
import dev.daalu.server.tool.builtin.ReadFileTool;
import dev.daalu.server.tool.builtin.RepoMapTool;
import dev.daalu.server.tool.builtin.RunCommandTool;
import dev.daalu.server.tool.builtin.SearchFilesTool;
import dev.daalu.server.tool.builtin.WriteFileTool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools the agent offers the model, by name. Immutable and thread-safe. */
public final class ToolRegistry {

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public ToolRegistry(List<Tool> tools) {
        for (Tool tool : tools) {
            if (this.tools.putIfAbsent(tool.spec().name(), tool) != null) {
                throw new IllegalArgumentException("two tools named " + tool.spec().name());
            }
        }
    }

    /** Every built-in tool. */
    public static ToolRegistry builtin() {
        return new ToolRegistry(List.of(
                new ReadFileTool(),
                new ListDirTool(),
                new SearchFilesTool(),
                new RepoMapTool(),
                new EditFileTool(),
                new WriteFileTool(),
                new RunCommandTool()));
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    public List<Tool> all() {
        return List.copyOf(tools.values());
    }

    public List<String> names() {
        return List.copyOf(tools.keySet());
    }

    /** Tools that need the user's approval before they run. */
    public List<String> approvalNames() {
        return tools.values().stream().filter(t -> t.spec().effect() != Effect.READ).map(t -> t.spec().name()).toList();
    }

    /** The definitions sent in every request's {@code tools}. */
    public List<ToolDefinition> definitions() {
        return tools.values().stream().map(t -> t.spec().definition()).toList();
    }
}
