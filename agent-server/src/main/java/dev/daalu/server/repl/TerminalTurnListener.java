package dev.daalu.server.repl;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daalu.server.agent.TurnListener;

import java.io.PrintWriter;
import java.util.List;

/**
 * Shows a turn on the terminal as it happens: the answer streams to stdout; each tool call and its result is a
 * dim line on the status stream, so piped output holds only the answer.
 */
final class TerminalTurnListener implements TurnListener {

    private static final int MAX_ARGUMENT_CHARS = 100;
    private static final int COMMAND_TAIL_LINES = 12;

    private final PrintWriter out;
    private final PrintWriter status;
    private final Style style;
    private boolean midLine;

    TerminalTurnListener(Console console) {
        this.out = console.out();
        this.status = console.err();
        this.style = new Style(console.colors());
    }

    @Override
    public synchronized void onDelta(String text) {
        out.print(text);
        out.flush();
        midLine = !text.endsWith("\n");
    }

    @Override
    public synchronized void onToolCall(String callId, String tool, JsonElement arguments, boolean needsApproval) {
        endLine();
        status.println(style.dim("  > " + tool + " " + summarize(arguments)));
        status.flush();
    }

    @Override
    public synchronized void onToolResult(String callId, String tool, ToolStatus status, String output, boolean truncated) {
        String firstLine = output.strip().lines().findFirst().orElse("");
        String line = switch (status) {
            case OK -> style.dim("  < " + tool + ": " + shorten(firstLine, 100));
            case ERROR -> style.yellow("  < " + tool + " failed: " + shorten(firstLine, 160));
            case DENIED -> style.red("  < " + tool + " denied");
            case CANCELLED -> style.red("  < " + tool + " cancelled");
        };
        this.status.println(line);
        if (tool.equals("run_command") && status == ToolStatus.OK) {
            printOutputTail(output);
        }
        this.status.flush();
    }

    // The user approved the command, so they see how it went: the tail of its output (the model gets all of it)
    private void printOutputTail(String output) {
        List<String> lines = output.strip().lines().skip(1).toList();
        int shown = Math.min(lines.size(), COMMAND_TAIL_LINES);
        if (lines.size() > shown) {
            status.println(style.dim("    ... " + (lines.size() - shown) + " lines above"));
        }
        for (String text : lines.subList(lines.size() - shown, lines.size())) {
            status.println(style.dim("    | " + shorten(text, 200)));
        }
    }

    @Override
    public synchronized void onNotice(String message) {
        endLine();
        status.println(style.dim("  (" + message + ")"));
        status.flush();
    }

    /** Ends a partly printed answer line, so what follows starts on its own line. */
    synchronized void endLine() {
        if (midLine) {
            out.println();
            out.flush();
            midLine = false;
        }
    }

    static String summarize(JsonElement arguments) {
        if (arguments == null) {
            return "";
        }
        if (arguments.isJsonObject()) {
            JsonObject object = arguments.getAsJsonObject();
            for (String key : new String[] {"path", "command", "query"}) {
                if (object.has(key) && object.get(key).isJsonPrimitive()) {
                    return shorten(object.get(key).getAsString().replace('\n', ' '), MAX_ARGUMENT_CHARS);
                }
            }
        }
        return shorten(arguments.toString(), MAX_ARGUMENT_CHARS);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
