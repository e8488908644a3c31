package dev.daalu.indexer.cli;

import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code daalu map [--focus PATH_OR_SYMBOL ...] [--tokens N] [--dir DIR]}: refreshes the index, then prints
 * the ranked repo map; its size goes to standard error.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Print the ranked map of the repository's most important files and definitions.")
public final class MapCommand implements Callable<Integer> {

    @Option(names = "--focus", arity = "1..*", paramLabel = "PATH_OR_SYMBOL",
            description = "Paths or identifiers to centre the map on")
    List<String> focus = new ArrayList<>();

    @Option(names = "--tokens", paramLabel = "N", description = "Token budget (default: ${DEFAULT-VALUE})")
    int tokens = RepoMapRequest.DEFAULT_MAX_TOKENS;

    @Option(names = "--dir", paramLabel = "DIR", description = "Workspace directory (default: .)")
    Path dir = Path.of(".");

    @Spec
    CommandSpec spec;

    private final IndexOpener opener;

    public MapCommand() {
        this(IndexOpener.DEFAULT);
    }

    public MapCommand(IndexOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        RepoMapRequest request;
        try {
            request = new RepoMapRequest(focus, tokens);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RepoIndex index = opener.open(dir)) {
            index.refresh(IndexListener.NONE);
            RepoMap map = index.map(request);
            out.print(map.text());
            out.flush();
            err.println(map.tokens() + " of " + map.maxTokens() + " tokens; " + map.files().size() + " files shown of "
                    + map.filesRanked() + " ranked");
            return 0;
        } catch (IOException | RuntimeException e) {
            return Failures.report(err, e);
        }
    }
}
