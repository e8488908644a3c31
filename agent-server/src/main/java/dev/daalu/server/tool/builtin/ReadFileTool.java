package dev.daalu.server.tool.builtin;

import dev.daalu.indexer.SecretFiles;
import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.tool.Effect;
import dev.daalu.server.tool.OutputLimits;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.Schemas;
import dev.daalu.server.tool.Tool;
import dev.daalu.server.tool.ToolArgs;
import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolResult;
import dev.daalu.server.tool.ToolSpec;
import dev.daalu.server.workspace.FileSnapshot;
import dev.daalu.server.workspace.TextDocument;
import dev.daalu.server.workspace.WorkspacePath;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code read_file {path, start_line?, end_line?}}: numbered lines of a text file, a window at a time.
 *
 * <p>The window is capped by the model's {@link OutputLimits} (lines and characters); when it stops short of
 * the end, the result says which lines it showed and how to read on. Binary files come back as a short
 * notice. A secret file (.env, keys...) is read only after the user approves that read.
 */
public final class ReadFileTool implements Tool {

    static final int MAX_LINE_CHARS = 2_000;

    private static final ToolSpec SPEC = new ToolSpec("read_file",
            "Read a text file of the workspace. Returns numbered lines (number, tab, text). Large files come back a "
                    + "window at a time; use start_line/end_line to read on. Paths are relative to the workspace root.",
            Schemas.object()
                    .string("path", "File path relative to the workspace root, e.g. modules/s3/main.tf")
                    .integer("start_line", "First line to return (1-based, default 1)", 1, Integer.MAX_VALUE)
                    .integer("end_line", "Last line to return (inclusive)", 1, Integer.MAX_VALUE)
                    .required("path").build(),
            Effect.READ);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Prepared prepare(ToolArgs args, ToolContext context) throws ToolException {
        String argument = args.requiredString("path", "the file to read, relative to the workspace root");
        int start = args.optionalInt("start_line", 1, 1, Integer.MAX_VALUE);
        int end = args.optionalInt("end_line", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        if (end < start) {
            throw new ToolException("end_line (" + end + ") is before start_line (" + start + ").");
        }
        WorkspacePath path = FileArguments.resolve(context, argument);
        if (path.isDirectory()) {
            throw new ToolException("'" + path.relative() + "' is a directory; use list_dir to see what it holds.");
        }
        if (!path.exists()) {
            throw new ToolException("File '" + path.relative() + "' does not exist. Use list_dir or search_files to find the right path.");
        }
        Prepared.Action read = cancel -> read(path, start, end, context.limits());
        if (SecretFiles.isSecret(path.relative()) || SecretFiles.isSecret(realRelative(context, path))) {
            return Prepared.gated(ApprovalPreview.read("Read secret file " + path.relative(), path.relative()), read);
        }
        return Prepared.readOnly(read);
    }

    // innocent.txt -> secrets/prod.env: a link inside the workspace must not hide what it reads
    private static String realRelative(ToolContext context, WorkspacePath path) throws ToolException {
        try {
            Path root = context.workspace().root();
            return root.relativize(path.absolute().toRealPath()).toString().replace('\\', '/');
        } catch (IOException e) {
            throw new ToolException("Cannot read '" + path.relative() + "': " + e.getMessage());
        }
    }

    private static ToolResult read(WorkspacePath path, int start, int end, OutputLimits limits) throws ToolException {
        FileSnapshot snapshot;
        try {
            snapshot = FileSnapshot.read(path, FileSnapshot.MAX_BYTES);
        } catch (IOException e) {
            throw new ToolException("Cannot read '" + path.relative() + "': " + e.getMessage());
        }
        if (!snapshot.exists()) {
            throw new ToolException("File '" + path.relative() + "' does not exist any more.");
        }
        if (TextDocument.isBinary(snapshot.bytes())) {
            return ToolResult.ok("'" + path.relative() + "' is a binary file, " + snapshot.bytes().length + " bytes; not shown.");
        }
        String[] lines = NumberedLines.split(TextDocument.decode(snapshot.bytes()).displayText());
        if (lines.length == 0) {
            return ToolResult.ok("'" + path.relative() + "' is empty.");
        }
        if (start > lines.length) {
            throw new ToolException("'" + path.relative() + "' has " + lines.length + " lines; start_line " + start + " is past the end.");
        }
        return NumberedLines.window(path.relative(), lines, start, end, limits);
    }
}
