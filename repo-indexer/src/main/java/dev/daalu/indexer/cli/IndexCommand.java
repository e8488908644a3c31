package dev.daalu.indexer.cli;

import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.IndexStatus;
import dev.daalu.indexer.RepoIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code daalu index [DIR]}: builds or refreshes the index of DIR (default: the current directory), with a
 * progress line when standard error is a terminal, then one summary line on standard output.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build or refresh the search index of a directory (kept outside it, under ~/.cache/daalu).")
public final class IndexCommand implements Callable<Integer> {

    static final int PROBLEMS_SHOWN = 10;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Directory to index (default: .)")
    Path dir = Path.of(".");

    @Spec
    CommandSpec spec;

    private final IndexOpener opener;
    private final boolean showProgress;

    public IndexCommand() {
        this(IndexOpener.DEFAULT, TerminalProgress.stderrIsTerminal());
    }

    /** @param showProgress whether to draw the progress line (normally: whether stderr is a terminal) */
    public IndexCommand(IndexOpener opener, boolean showProgress) {
        this.opener = opener;
        this.showProgress = showProgress;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TerminalProgress progress = new TerminalProgress(err);
        try (RepoIndex index = opener.open(dir)) {
            IndexStatus status = index.refresh(showProgress ? progress : IndexListener.NONE);
            progress.clear();
            out.println(summary(status));
            status.problems().stream().limit(PROBLEMS_SHOWN).forEach(problem ->
                    err.println("problem: " + (problem.path().isEmpty() ? "" : problem.path() + ": ") + problem.message()));
            if (status.problems().size() > PROBLEMS_SHOWN) {
                err.println("... and " + (status.problems().size() - PROBLEMS_SHOWN) + " more problems");
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            progress.clear();
            return Failures.report(err, e);
        }
    }

    static String summary(IndexStatus status) {
        return String.format(Locale.ROOT,
                "indexed %,d files (%,d text, %,d binary, %,d parsed, %,d skipped for parsing), %,d changed, "
                        + "%,d problems, in %.1f s; index in %s",
                status.filesTotal(), status.textFiles(), status.binaryFiles(), status.parsedFiles(),
                status.parseSkipped(), status.changedInLastPass(), status.problems().size(),
                status.lastPassMillis() / 1000.0, status.indexDir());
    }
}
