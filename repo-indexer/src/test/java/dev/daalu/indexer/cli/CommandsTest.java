package dev.daalu.indexer.cli;

import dev.daalu.indexer.IndexConfig;
import dev.daalu.indexer.testing.TestIndexes;
import dev.daalu.indexer.testing.ToyParser;
import dev.daalu.indexer.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandsTest {

    @TempDir
    Path workspace;
    @TempDir
    Path indexDir;
    private IndexOpener opener;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aSmallWorkspace() {
        Workspace.write(workspace, "modules/s3/main.tf", "resource \"aws_s3_bucket_policy\" \"logs\" {\n  bucket = \"x\"\n}\n");
        Workspace.write(workspace, "src/policy.py", "def bucket_policy():\n    pass\n");
        Workspace.write(workspace, "logo.png", new byte[] {0, 1, 2});
        opener = dir -> TestIndexes.open(dir, IndexConfig.defaults().withIndexDir(indexDir).withThreads(1), new ToyParser());
    }

    @Test
    void indexPrintsOneSummaryLine() {
        int exit = run(new IndexCommand(opener, false), workspace.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().startsWith("indexed 3 files (2 text, 1 binary, 2 parsed, 0 skipped for parsing), 3 changed, "
                + "0 problems, in "), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void searchPrintsHitsLikeRipgrepAndTheSummaryOnStandardError() {
        int exit = run(new SearchCommand(opener), "bucketPolicy", "--dir", workspace.toString());

        assertEquals(0, exit, err.toString());
        assertEquals("src/policy.py:1:5:def bucket_policy():\nmodules/s3/main.tf:1:18:resource \"aws_s3_bucket_policy\" \"logs\" {\n",
                out.toString());
        assertEquals("2 matching lines in 2 files (2 shown)\n", err.toString());
    }

    @Test
    void searchShowsContextAndHonoursGlobAndRegex() {
        int exit = run(new SearchCommand(opener), "^\\s+bucket", "--regex", "--glob", "*.tf", "-C", "1", "--dir", workspace.toString());

        assertEquals(0, exit, err.toString());
        assertEquals("modules/s3/main.tf-1-resource \"aws_s3_bucket_policy\" \"logs\" {\n"
                + "modules/s3/main.tf:2:1:  bucket = \"x\"\nmodules/s3/main.tf-3-}\n", out.toString());
    }

    @Test
    void noMatchIsNotAFailure() {
        assertEquals(0, run(new SearchCommand(opener), "absent_token_xyz", "--dir", workspace.toString()));
        assertEquals("", out.toString());
        assertEquals("0 matching lines in 0 files (0 shown)\n", err.toString());
    }

    @Test
    void anInvalidRegexIsOneClearLineAndExitOne() {
        int exit = run(new SearchCommand(opener), "resource (", "--regex", "--dir", workspace.toString());

        assertEquals(1, exit);
        assertTrue(err.toString().startsWith("daalu: Invalid regular expression 'resource (': Unclosed group"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void aBadFlagPrintsUsageAndExitsTwo() {
        int exit = run(new SearchCommand(opener), "x", "--nope");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("Unknown option: '--nope'"), err.toString());
        assertTrue(err.toString().contains("Usage: search"), err.toString());
        assertEquals(2, run(new SearchCommand(opener), "x", "--max", "5000"));
        assertEquals(2, run(new MapCommand(opener), "--tokens", "3"));
    }

    @Test
    void aMissingDirectoryIsOneLineAndExitOne() {
        Path missing = workspace.resolve("nope");

        assertEquals(1, run(new IndexCommand(opener, false), missing.toString()));
        assertEquals("daalu: " + missing + ": no such workspace directory\n", err.toString());
        assertFalse(err.toString().contains("Exception"));
    }

    @Test
    void mapPrintsTheMapAndItsSizeOnStandardError() {
        int exit = run(new MapCommand(opener), "--dir", workspace.toString(), "--focus", "src/policy.py", "--tokens", "512");

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("src/policy.py\n  1: def bucket_policy():\n"), out.toString());
        assertTrue(err.toString().matches("\\d+ of 512 tokens; 2 files shown of 2 ranked\n"), err.toString());
    }

    @Test
    void theProgressLineIsDrawnAndErasedOnATerminal() {
        StringWriter terminal = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(terminal));

        progress.onProgress(new dev.daalu.indexer.IndexListener.IndexProgress(
                dev.daalu.indexer.IndexListener.IndexProgress.Phase.WALK, 1200, -1, "a"));
        progress.onProgress(new dev.daalu.indexer.IndexListener.IndexProgress(
                dev.daalu.indexer.IndexListener.IndexProgress.Phase.DONE, 3, 3, null));

        assertEquals("\r\u001b[Kindexing: 1,200 files walked, 0/0 read, 0 parsed\r\u001b[K", terminal.toString());
    }

    private int run(Object command, String... args) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
