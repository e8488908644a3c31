package dev.daalu.server.tool.builtin;

import dev.daalu.indexer.DirectoryListing;
import dev.daalu.server.tool.Effect;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.Schemas;
import dev.daalu.server.tool.Tool;
import dev.daalu.server.tool.ToolArgs;
import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolResult;
import dev.daalu.server.tool.ToolSpec;
import dev.daalu.server.workspace.WorkspacePath;

import java.io.IOException;

/**
 * {@code list_dir {path?, depth?}}: a directory's entries, honouring the same ignore rules as the index
 * (.gitignore, .git/info/exclude, .daaluignore), capped. Links that leave the workspace are listed, not followed.
 */
public final class ListDirTool implements Tool {

    static final int MAX_DEPTH = 5;

    private static final ToolSpec SPEC = new ToolSpec("list_dir",
            "List files and directories of the workspace (ignored files are left out). Directories end with '/'. "
                    + "Paths in the result are relative to the workspace root.",
            Schemas.object()
                    .string("path", "Directory relative to the workspace root (default: the root)")
                    .integer("depth", "Levels to descend (1 = direct children, default 1)", 1, MAX_DEPTH)
                    .build(),
            Effect.READ);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Prepared prepare(ToolArgs args, ToolContext context) throws ToolException {
        String argument = args.optionalString("path");
        int depth = args.optionalInt("depth", 1, 1, MAX_DEPTH);
        WorkspacePath path = FileArguments.resolve(context, argument == null ? "." : argument);
        if (!path.exists()) {
            throw new ToolException("Directory '" + path.relative() + "' does not exist. List its parent to see what is there.");
        }
        if (!path.isDirectory()) {
            throw new ToolException("'" + path.relative() + "' is a file, not a directory; use read_file to read it.");
        }
        int limit = context.limits().maxListEntries();
        return Prepared.readOnly(cancel -> {
            DirectoryListing listing;
            try {
                listing = context.index().list(path.isRoot() ? "" : path.relative(), depth, limit);
            } catch (IOException e) {
                throw new ToolException("Cannot list '" + path.relative() + "': " + e.getMessage());
            }
            return render(path.relative(), listing, limit);
        });
    }

    private static ToolResult render(String directory, DirectoryListing listing, int limit) {
        if (listing.entries().isEmpty()) {
            return ToolResult.ok("'" + directory + "' is empty (or holds only ignored files).");
        }
        StringBuilder out = new StringBuilder();
        for (DirectoryListing.Entry entry : listing.entries()) {
            out.append(entry.path());
            if (entry.symlink()) {
                out.append(" (link)");
            } else if (!entry.directory()) {
                out.append(" (").append(humanSize(entry.size())).append(')');
            }
            out.append('\n');
        }
        if (listing.truncated()) {
            out.append("[first ").append(limit).append(" entries shown; list a subdirectory, or use search_files with a glob]\n");
        }
        return ToolResult.ok(out.toString(), listing.truncated());
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
