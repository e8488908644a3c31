package dev.daalu.indexer.cli;

import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code daalu search QUERY [--glob G ...] [--regex] [--max N] [--context N] [--dir DIR]}: refreshes the index
 * (cheap when nothing changed), then prints hits like {@code rg}: {@code path:line:column:text}, context
 * lines as {@code path-line-text}, best first; the summary goes to standard error. Exit 0 whether or not
 * anything matched; 1 when the search cannot run (an invalid regex); 2 for bad options.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the indexed text: an identifier matches every naming style (bucketPolicy finds "
                + "bucket_policy), other text matches exactly, --regex for a regular expression.")
public final class SearchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUERY", description = "Identifier, exact text, or regular expression")
    String query;

    @Option(names = {"-g", "--glob"}, paramLabel = "G", description = {"Only paths matching this gitignore-style glob "
            + "(*.tf, modules/**, *.{tf,tfvars}); !G leaves paths out. Repeatable, or comma-separated."})
    List<String> globs = List.of();

    @Option(names = "--regex", description = "Treat QUERY as a regular expression")
    boolean regex;

    @Option(names = "--max", paramLabel = "N", description = "Most hits to print (default: ${DEFAULT-VALUE})")
    int max = SearchQuery.DEFAULT_MAX_RESULTS;

    @Option(names = {"-C", "--context"}, paramLabel = "N", description = "Lines of context around each hit (default: 0)")
    int context;

    @Option(names = "--dir", paramLabel = "DIR", description = "Workspace directory (default: .)")
    Path dir = Path.of(".");

    @Spec
    CommandSpec spec;

    private final IndexOpener opener;

    public SearchCommand() {
        this(IndexOpener.DEFAULT);
    }

    public SearchCommand(IndexOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        SearchQuery search;
        try {
            search = new SearchQuery(query, regex, globs.isEmpty() ? null : String.join(",", globs), max, context);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RepoIndex index = opener.open(dir)) {
            index.refresh(IndexListener.NONE);
            SearchResults results = index.search(search);
            if (results.error() != null) {
                err.println("daalu: " + results.error());
                return 1;
            }
            for (SearchResults.SearchHit hit : results.hits()) {
                int line = hit.line() - hit.before().size();
                for (String before : hit.before()) {
                    out.println(hit.path() + "-" + line++ + "-" + before);
                }
                out.println(hit.location() + ":" + hit.text());
                line = hit.line() + 1;
                for (String after : hit.after()) {
                    out.println(hit.path() + "-" + line++ + "-" + after);
                }
            }
            out.flush();
            err.println(plural(results.totalMatches(), "matching line") + " in " + plural(results.filesMatched(), "file") + " ("
                    + results.hits().size() + " shown)"
                    + (results.binaryFilesMatched().isEmpty() ? "" : "; binary files match: "
                    + String.join(", ", results.binaryFilesMatched())));
            return 0;
        } catch (IOException | RuntimeException e) {
            return Failures.report(err, e);
        }
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
