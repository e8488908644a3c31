package dev.daalu.server.tool.builtin;

import dev.daalu.server.tool.Effect;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.Schemas;
import dev.daalu.server.tool.Tool;
import dev.daalu.server.tool.ToolArgs;
import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolSpec;
import dev.daalu.server.workspace.FileSnapshot;
import dev.daalu.server.workspace.TextDocument;
import dev.daalu.server.workspace.WorkspacePath;

import java.io.IOException;

/**
 * {@code write_file {path, content}}: creates a file or replaces all of it, after the user approves the diff.
 *
 * <p>An existing file keeps its encoding, byte-order mark, mode, and conventions: a consistently CRLF file
 * stays CRLF, and its trailing-newline state is kept. The write is atomic. For a change to part of a file,
 * {@code edit_file} is cheaper and safer.
 */
public final class WriteFileTool implements Tool {

    private static final ToolSpec SPEC = new ToolSpec("write_file",
            "Create a file, or replace a whole file, with the given content. The user sees the diff and must approve "
                    + "it. Prefer edit_file to change part of an existing file.",
            Schemas.object()
                    .string("path", "File path relative to the workspace root")
                    .string("content", "The complete new content of the file")
                    .required("path", "content").build(),
            Effect.WRITE);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Prepared prepare(ToolArgs args, ToolContext context) throws ToolException {
        String argument = args.requiredString("path", "the file to write, relative to the workspace root");
        String content = args.requiredString("content", "the complete new content of the file");
        WorkspacePath path = FileArguments.resolve(context, argument);
        if (path.isRoot() || path.isDirectory()) {
            throw new ToolException("'" + path.relative() + "' is a directory; give a file path.");
        }
        FileSnapshot before = snapshot(path);
        TextDocument after;
        if (before.exists()) {
            if (TextDocument.isBinary(before.bytes())) {
                throw new ToolException("'" + path.relative() + "' is a binary file; write_file only replaces text files.");
            }
            TextDocument current = TextDocument.decode(before.bytes());
            after = current.withText(current.adaptFullContent(content));
        } else {
            after = TextDocument.newFile(content);
        }
        return FileChange.prepare(context, path, before, after);
    }

    static FileSnapshot snapshot(WorkspacePath path) throws ToolException {
        try {
            return FileSnapshot.read(path, FileSnapshot.MAX_BYTES);
        } catch (IOException e) {
            throw new ToolException("Cannot read '" + path.relative() + "': " + e.getMessage());
        }
    }
}
