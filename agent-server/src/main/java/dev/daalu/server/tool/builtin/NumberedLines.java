package dev.daalu.server.tool.builtin;

import dev.daalu.server.tool.OutputLimits;
import dev.daalu.server.tool.ToolResult;

/** Renders a window of a file's lines as {@code number<TAB>text}, within a call's caps. */
final class NumberedLines {

    private NumberedLines() {
    }

    /** Splits text into lines without terminators; a final line break does not start an empty line. */
    static String[] split(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.split("\r?\n", -1);
    }

    static ToolResult window(String path, String[] lines, int start, int requestedEnd, OutputLimits limits) {
        int end = Math.min(requestedEnd, lines.length);
        int lastAllowed = Math.min(end, start + limits.maxReadLines() - 1);
        StringBuilder out = new StringBuilder();
        int shown = start - 1;
        boolean cutLine = false;
        for (int i = start; i <= lastAllowed; i++) {
            String line = lines[i - 1];
            if (line.length() > ReadFileTool.MAX_LINE_CHARS) {
                line = line.substring(0, ReadFileTool.MAX_LINE_CHARS) + " [... line cut at " + ReadFileTool.MAX_LINE_CHARS + " chars]";
                cutLine = true;
            }
            String rendered = i + "\t" + line + "\n";
            if (out.length() + rendered.length() > limits.maxOutputChars() && i > start) {
                break;
            }
            out.append(rendered);
            shown = i;
        }
        boolean truncated = shown < end || cutLine;
        if (shown < lines.length && shown < requestedEnd) {
            out.append("[showing lines ").append(start).append('-').append(shown).append(" of ").append(lines.length)
                    .append(" in ").append(path).append("; call read_file with start_line=").append(shown + 1)
                    .append(" to read on]\n");
        } else if (start > 1 || end < lines.length) {
            out.append("[lines ").append(start).append('-').append(shown).append(" of ").append(lines.length).append("]\n");
        }
        return ToolResult.ok(out.toString(), truncated);
    }
}
