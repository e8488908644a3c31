package dev.daalu.server.tool.builtin;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff between two versions of a file, as {@code git diff} would show it: lines compared without
 * their line terminators, so a CRLF file whose endings are kept shows only the lines that really change.
 *
 * @param text the diff ({@code --- a/path}, {@code +++ b/path}, hunks with 3 lines of context)
 * @param added lines added
 * @param removed lines removed
 */
record UnifiedDiff(String text, int added, int removed) {

    private static final int CONTEXT_LINES = 3;

    static UnifiedDiff of(String path, String oldText, String newText) {
        List<String> before = lines(oldText);
        List<String> after = lines(newText);
        Patch<String> patch = DiffUtils.diff(before, after);
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            added += delta.getTarget().size();
            removed += delta.getSource().size();
        }
        String from = oldText == null ? "/dev/null" : "a/" + path;
        List<String> diff = new ArrayList<>(UnifiedDiffUtils.generateUnifiedDiff(from, "b/" + path, before, patch, CONTEXT_LINES));
        if (before.isEmpty() && diff.size() > 2) {
            // git numbers a hunk of an empty file from line 0; the library from 1
            diff.set(2, diff.get(2).replaceFirst("^@@ -1,0 ", "@@ -0,0 "));
        }
        return new UnifiedDiff(String.join("\n", diff) + (diff.isEmpty() ? "" : "\n"), added, removed);
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") || text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\r\n|\n|\r", -1));
    }
}
