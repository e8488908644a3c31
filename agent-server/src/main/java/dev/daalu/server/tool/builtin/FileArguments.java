package dev.daalu.server.tool.builtin;

import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.workspace.PathRefusedException;
import dev.daalu.server.workspace.WorkspacePath;

/** Turns a path argument into a confined path, or a tool error the model can act on. */
final class FileArguments {

    private FileArguments() {
    }

    static WorkspacePath resolve(ToolContext context, String argument) throws ToolException {
        try {
            return context.workspace().resolve(argument);
        } catch (PathRefusedException e) {
            throw new ToolException(e.getMessage());
        }
    }
}
