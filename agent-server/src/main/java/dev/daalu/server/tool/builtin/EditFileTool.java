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

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code edit_file {path, old_text, new_text, replace_all?}}: replaces exact text in an existing file, after
 * the user approves the diff. Cheap on small context windows: the model sends only what changes.
 *
 * <p>Fails clearly, changing nothing, when {@code old_text} is not found (with the nearest candidates) or
 * occurs more than once without {@code replace_all} (with the lines where it occurs). Line endings of
 * untouched lines, encoding, BOM and mode are kept (see {@link EditMatcher}).
 */
public final class EditFileTool implements Tool {

    private static final ToolSpec SPEC = new ToolSpec("edit_file",
            "Replace exact text in an existing file. old_text must match the file exactly (copy it from read_file, "
                    + "without line numbers) and be unique unless replace_all is true. The user sees the diff and must "
                    + "approve it.",
            Schemas.object()
                    .string("path", "File path relative to the workspace root")
                    .string("old_text", "The exact text to replace, with enough surrounding lines to be unique")
                    .string("new_text", "The text to put in its place")
                    .bool("replace_all", "Replace every occurrence (default false)")
                    .required("path", "old_text", "new_text").build(),
            Effect.WRITE);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Prepared prepare(ToolArgs args, ToolContext context) throws ToolException {
        String argument = args.requiredString("path", "the file to edit, relative to the workspace root");
        String oldText = args.requiredString("old_text", "the exact text to replace");
        String newText = args.requiredString("new_text", "the replacement text");
        boolean replaceAll = args.optionalBoolean("replace_all", false);
        if (oldText.isEmpty()) {
            throw new ToolException("old_text must not be empty; to create a file or replace all of it, use write_file.");
        }
        if (oldText.equals(newText)) {
            throw new ToolException("old_text and new_text are the same; there is nothing to change.");
        }
        WorkspacePath path = FileArguments.resolve(context, argument);
        FileSnapshot before = WriteFileTool.snapshot(path);
        if (!before.exists()) {
            throw new ToolException("File '" + path.relative() + "' does not exist; use write_file to create it.");
        }
        if (path.isDirectory()) {
            throw new ToolException("'" + path.relative() + "' is a directory; give a file path.");
        }
        if (TextDocument.isBinary(before.bytes())) {
            throw new ToolException("'" + path.relative() + "' is a binary file; edit_file only changes text files.");
        }
        TextDocument document = TextDocument.decode(before.bytes());
        String old = document.fromModel(oldText);
        List<EditMatcher.Match> matches = EditMatcher.find(document.text(), old);
        if (matches.isEmpty()) {
            throw new ToolException("old_text was not found in " + path.relative() + ". "
                    + EditMatcher.nearest(document.displayText(), oldText));
        }
        if (matches.size() > 1 && !replaceAll) {
            String lines = EditMatcher.lineNumbers(document.text(), matches).stream()
                    .map(String::valueOf).collect(Collectors.joining(", "));
            throw new ToolException("old_text occurs " + matches.size() + " times in " + path.relative() + " (lines "
                    + lines + "); include more surrounding lines to make it unique, or set replace_all=true.");
        }
        String defaultBreak = document.isConsistentlyCrlf() ? "\r\n" : "\n";
        String edited = EditMatcher.apply(document.text(), matches, document.fromModel(newText), defaultBreak);
        return FileChange.prepare(context, path, before, document.withText(edited));
    }
}
