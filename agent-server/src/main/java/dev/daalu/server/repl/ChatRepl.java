package dev.daalu.server.repl;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;
import dev.daalu.server.agent.Session;
import dev.daalu.server.agent.TurnOutcome;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.runtime.ModelStatus;
import dev.daalu.server.runtime.WorkspaceRuntime;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.UUID;

/**
 * {@code daalu chat}: the terminal REPL on the same agent core and approvals as the editor.
 *
 * <p>Streams the answer as it arrives, shows each tool call as it happens, asks {@code y/n} with the diff or
 * command before each side effect. Ctrl-C cancels the running turn; a second Ctrl-C at an empty prompt exits, as
 * does Ctrl-D. Commands: {@code /help}, {@code /map [focus...]}, {@code /search QUERY}, {@code /clear} (a new
 * session), {@code /exit}.
 */
public final class ChatRepl {

    static final String HELP = """
            Type a request and press Enter. The agent explores on its own; every file change and command asks you first.
              /map [PATH_OR_SYMBOL...]  show the repo map, optionally focused
              /search QUERY             search the repository
              /clear                    start a new conversation
              /help                     this help
              /exit                     quit (also Ctrl-D, or Ctrl-C twice at an empty prompt)
            Ctrl-C while the agent works cancels the turn.""";

    private final WorkspaceRuntime runtime;
    private final Console console;
    private final ConsoleApprover approver;
    private final Style style;
    private String sessionId;

    public ChatRepl(WorkspaceRuntime runtime, Console console, ConsoleApprover approver, String sessionId) {
        this.runtime = runtime;
        this.console = console;
        this.approver = approver;
        this.style = new Style(console.colors());
        this.sessionId = sessionId;
    }

    /** The banner: which model, on which tier, and why (or why none). */
    public void printBanner() {
        ModelStatus status = runtime.modelStatus();
        PrintWriter err = console.err();
        err.println(style.bold("daalu chat") + " in " + runtime.root());
        if (status.model() != null && status.routing().eligible() && status.routing().tierId() != null) {
            err.println(style.dim(status.model().displayName() + " (" + status.model().contextWindow() / 1024 + "K context) on "
                    + status.routing().tierKind() + " tier '" + status.routing().tierId() + "'"));
            // what the routing reason adds after its first sentence: a problem with the tier, ignored settings
            String reason = status.routing().reason();
            int extra = firstIndexOf(reason, " But: ", " Note: ");
            if (extra >= 0) {
                err.println(style.yellow(reason.substring(extra + 1)));
            }
        } else {
            err.println(style.yellow(status.routing().reason()));
        }
        err.println(style.dim("/help for commands; Ctrl-D to quit"));
        err.flush();
    }

    private static int firstIndexOf(String text, String... needles) {
        int first = -1;
        for (String needle : needles) {
            int at = text.indexOf(needle);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** The interactive loop; returns the exit code. */
    public int run() {
        printBanner();
        boolean interruptedOnce = false;
        while (true) {
            String line;
            try {
                line = console.readLine(style.bold("> "));
                interruptedOnce = false;
            } catch (Console.Interrupted e) {
                if (interruptedOnce) {
                    return 0;
                }
                interruptedOnce = true;
                console.err().println(style.dim("(Ctrl-C again to quit)"));
                console.err().flush();
                continue;
            } catch (Console.EndOfInput e) {
                return 0;
            }
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("/")) {
                if (!command(text)) {
                    return 0;
                }
                continue;
            }
            turn(text);
        }
    }

    /**
     * Runs one message as one turn ({@code --message}, or stdin without a terminal): 0 when it completed, 3 when
     * it completed but side effects were denied for want of someone to approve them, 1 otherwise.
     */
    public int runOnce(String message) {
        if (message.isBlank()) {
            console.err().println("daalu chat: no message on stdin");
            console.err().flush();
            return 2;
        }
        TurnOutcome outcome = turn(message.strip());
        if (outcome.kind() != TurnOutcome.Kind.COMPLETED) {
            return 1;
        }
        int denied = approver.deniedUnattended();
        if (denied > 0) {
            // the answer may well say the change was made: a script reading stdout must not believe it
            console.err().println(style.yellow(denied + (denied == 1 ? " change or command was" : " changes or commands were")
                    + " denied because no one could approve it; nothing of it was written or run. Run in a terminal to "
                    + "answer y/n, or with --approve approve."));
            console.err().flush();
            return 3;
        }
        return 0;
    }

    private TurnOutcome turn(String message) {
        try {
            if (sessionId == null) {
                Session session = runtime.sessions().create();
                sessionId = session.id();
            }
        } catch (IOException e) {
            console.err().println(style.red("Cannot start a session: " + e.getMessage()));
            console.err().flush();
            return new TurnOutcome(TurnOutcome.Kind.ERROR, e.getMessage(), null, 0);
        }
        CancelToken cancel = new CancelToken();
        TerminalTurnListener listener = new TerminalTurnListener(console);
        TurnOutcome outcome;
        try (AutoCloseable ignored = console.onInterrupt(cancel::cancel)) {
            outcome = runtime.agent().runTurn(sessionId, UUID.randomUUID().toString(), message, listener, approver, cancel);
        } catch (Exception e) {
            outcome = new TurnOutcome(TurnOutcome.Kind.ERROR, String.valueOf(e.getMessage()), null, 0);
        }
        listener.endLine();
        PrintWriter err = console.err();
        switch (outcome.kind()) {
            case COMPLETED -> { }
            case CANCELLED -> err.println(style.yellow("(cancelled)"));
            case ERROR -> err.println(style.red("Error: " + outcome.text()));
            case STEP_LIMIT, LOOP_DETECTED -> err.println(style.yellow(outcome.text()));
        }
        err.flush();
        return outcome;
    }

    /** Runs a slash command; returns false to exit. */
    private boolean command(String text) {
        String[] parts = text.split("\\s+", 2);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        PrintWriter out = console.out();
        switch (parts[0]) {
            case "/exit", "/quit" -> {
                return false;
            }
            case "/help" -> out.println(HELP);
            case "/clear" -> {
                sessionId = null;
                console.err().println(style.dim("(new conversation)"));
            }
            case "/map" -> out.println(map(argument));
            case "/search" -> out.println(argument.isEmpty() ? "usage: /search QUERY" : search(argument));
            default -> out.println("Unknown command " + parts[0] + ". " + HELP.lines().skip(1).findFirst().orElse(""));
        }
        out.flush();
        console.err().flush();
        return true;
    }

    private String map(String focus) {
        try {
            RepoMap map = runtime.index().map(new RepoMapRequest(
                    focus.isEmpty() ? java.util.List.of() : java.util.List.of(focus.split("\\s+")), RepoMapRequest.DEFAULT_MAX_TOKENS));
            return map.text().isBlank() ? "(the map is empty: nothing indexed yet)" : map.text().stripTrailing();
        } catch (IOException | RuntimeException e) {
            return "The repo map failed: " + e.getMessage();
        }
    }

    private String search(String query) {
        try {
            SearchResults results = runtime.index().search(SearchQuery.of(query).withMaxResults(20));
            if (results.error() != null) {
                return results.error();
            }
            StringBuilder out = new StringBuilder();
            for (SearchResults.SearchHit hit : results.hits()) {
                out.append(style.cyan(hit.location())).append(": ").append(hit.text()).append('\n');
            }
            out.append(style.dim(results.totalMatches() + (results.totalMatches() == 1 ? " matching line in " : " matching lines in ")
                    + results.filesMatched() + (results.filesMatched() == 1 ? " file" : " files")));
            return out.toString();
        } catch (IOException | RuntimeException e) {
            return "The search failed: " + e.getMessage();
        }
    }
}
