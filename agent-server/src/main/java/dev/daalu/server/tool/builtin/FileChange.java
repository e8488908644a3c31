package dev.daalu.server.tool.builtin;

import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolResult;
import dev.daalu.server.workspace.FileSnapshot;
import dev.daalu.server.workspace.PathRefusedException;
import dev.daalu.server.workspace.TextDocument;
import dev.daalu.server.workspace.WorkspacePath;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A prepared change of one file, shared by write_file and edit_file: the approval preview (a unified diff and
 * the complete new content) and the write that runs after approval. The write happens only if the file is
 * still exactly what it was when the diff was made, and only to the same confined path.
 */
final class FileChange {

    /** Previews larger than this are cut, so an approval request stays a reasonable message. */
    static final int MAX_PREVIEW_DIFF_CHARS = 256 * 1024;
    static final int MAX_PREVIEW_CONTENT_CHARS = 1024 * 1024;

    private FileChange() {
    }

    static Prepared prepare(ToolContext context, WorkspacePath path, FileSnapshot before, TextDocument after) {
        byte[] newBytes = after.encode();
        if (before.exists() && Arrays.equals(before.bytes(), newBytes)) {
            return Prepared.readOnly(cancel -> ToolResult.ok("'" + path.relative() + "' already has this content; nothing was written."));
        }
        String oldText = before.exists() ? TextDocument.decode(before.bytes()).displayText() : null;
        String newText = after.displayText();
        UnifiedDiff diff = UnifiedDiff.of(path.relative(), oldText, newText);
        String summary = before.exists()
                ? "Edit " + path.relative() + " (+" + diff.added() + " -" + diff.removed() + ")"
                : "Create " + path.relative() + " (" + diff.added() + " lines)";
        ApprovalPreview preview = ApprovalPreview.write(summary, path.relative(), cap(diff.text(), MAX_PREVIEW_DIFF_CHARS),
                !before.exists(), newText.length() <= MAX_PREVIEW_CONTENT_CHARS ? newText : null);
        return Prepared.gated(preview, cancel -> {
            confirmUnchanged(context, path, before);
            try {
                context.writer().write(path.absolute(), newBytes);
            } catch (IOException e) {
                throw new ToolException("'" + path.relative() + "' was " + e.getMessage());
            }
            context.changes().filesChanged(List.of(path.absolute()));
            return ToolResult.ok((before.exists() ? "Wrote " : "Created ") + path.relative() + " (+" + diff.added()
                    + " -" + diff.removed() + " lines).");
        });
    }

    private static void confirmUnchanged(ToolContext context, WorkspacePath path, FileSnapshot before) throws ToolException {
        try {
            WorkspacePath again = context.workspace().resolve(path.relative());
            if (!again.absolute().equals(path.absolute())) {
                throw new ToolException("'" + path.relative() + "' now resolves elsewhere; nothing was written.");
            }
            if (!before.isCurrent()) {
                throw new ToolException("'" + path.relative() + "' changed after this change was shown for approval; "
                        + "nothing was written. Read the file again and redo the change.");
            }
        } catch (PathRefusedException e) {
            throw new ToolException(e.getMessage() + "; nothing was written.");
        } catch (IOException e) {
            throw new ToolException("Cannot check '" + path.relative() + "' before writing: " + e.getMessage());
        }
    }

    private static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "\n[... diff cut at " + max + " characters; " + (text.length() - max) + " more ...]\n";
    }
}
