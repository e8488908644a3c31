package dev.daalu.indexer;

import dev.daalu.indexer.testing.TestIndexes;
import dev.daalu.indexer.testing.ToyParser;
import dev.daalu.indexer.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.daalu.indexer.testing.TestIndexes.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared hard inputs (see cases/README.md), one test each. */
class HardCasesTest {

    @TempDir
    Path temp;
    @TempDir
    Path indexDir;

    @Test
    void b13LinksLeavingTheWorkspaceAreNeverFollowed() throws IOException {
        Workspace.runCase("B13-symlink-escape-setup.sh", temp);
        Path ws = temp.resolve("ws");
        try (RepoIndex index = TestIndexes.open(ws, indexDir, new ToyParser())) {
            index.refresh(IndexListener.NONE);

            SearchResults canary = index.search(SearchQuery.of("CANARY-B13"));
            assertEquals(0, canary.totalMatches());
            assertEquals(0, canary.candidateFiles());
            DirectoryListing listing = index.list("", 5, 100);
            assertEquals(List.of("dangling.txt (link)", "docs/", "docs/notes.md (link)", "src/", "src/A.java",
                    "src/vendor (link)"), describe(listing));
            assertFalse(index.map(RepoMapRequest.of(1024)).text().contains("CANARY-B13"));
            assertEquals(List.of("src/A.java"), mapPaths(index));
            try {
                index.list("src/vendor", 1, 10);
                throw new AssertionError("listing through a link must be refused");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("symbolic link"), expected.getMessage());
            }
        }
    }

    @Test
    void b16SecretFilesAreListedButNeverSearchedOrMapped() throws IOException {
        Workspace.runCase("B16-secret-files-setup.sh", temp);
        Path ws = temp.resolve("ws");
        try (RepoIndex index = TestIndexes.open(ws, indexDir, new ToyParser())) {
            IndexStatus status = index.refresh(IndexListener.NONE);

            for (String needle : List.of("CANARY-B16", "sk-TEST-B16", "OPENAI_API_KEY=", "PRIVATE KEY")) {
                assertEquals(0, index.search(SearchQuery.of(needle)).totalMatches(), needle);
            }
            assertEquals(0, index.search(SearchQuery.regex("CANARY.*")).totalMatches());
            assertEquals(List.of("src/Main.java:1:47:public class Main { String k = System.getenv(\"OPENAI_API_KEY\"); }"),
                    lines(index.search(SearchQuery.of("OPENAI_API_KEY"))));
            assertEquals(List.of(".env", ".git-credentials", "config/", "config/.env.production", "config/deploy_id_rsa",
                    "src/", "src/Main.java"), describe(index.list("", 3, 100)));
            assertEquals(List.of("src/Main.java"), mapPaths(index));
            assertEquals(5, status.filesTotal());
            assertEquals(1, status.textFiles());
        }
    }

    @Test
    void b17OddEncodingsAreDecodedAndNeverAbortThePass() throws IOException {
        Path ws = temp.resolve("ws");
        for (String name : List.of("B17-utf16le-bom.py", "B17-utf8-bom.java", "B17-invalid-utf8.js")) {
            Workspace.write(ws, name, Workspace.caseBytes(name));
        }
        try (RepoIndex index = TestIndexes.open(ws, indexDir, new ToyParser())) {
            IndexStatus status = index.refresh(IndexListener.NONE);

            assertEquals(List.of(), status.problems());
            assertEquals(3, status.textFiles());
            assertEquals(List.of("B17-invalid-utf8.js:2:10:function legacyFn(a) {"),
                    lines(index.search(SearchQuery.of("legacyFn").withGlob("*.js").withMaxResults(1))));
            assertEquals(List.of("B17-utf16le-bom.py:5:1:class Greeter:"), lines(index.search(SearchQuery.of("class Greeter"))));
            assertEquals(List.of("B17-utf8-bom.java:1:1:public class BomFirst {"),
                    lines(index.search(SearchQuery.regex("^public class"))));
            Map<String, List<String>> definitions = index.map(RepoMapRequest.of(1024)).files().stream()
                    .collect(Collectors.toMap(RepoMap.MapFile::path,
                            f -> f.definitions().stream().map(RepoMap.MapEntry::name).toList()));
            assertEquals(List.of("greet", "Greeter"), definitions.get("B17-utf16le-bom.py"));
            assertEquals("BomFirst", definitions.get("B17-utf8-bom.java").get(0));
            assertEquals(List.of("legacyFn"), definitions.get("B17-invalid-utf8.js"));
        }
    }

    @Test
    void b19PathologicalFilesAreGuardedFromTheParserAndStaySearchable() throws IOException {
        Path ws = temp.resolve("ws");
        // the files B19-pathological-files.gen.sh writes, built here so the test needs no python
        int depth = 100_000;
        Workspace.write(ws, "deep_nesting.js", "(".repeat(depth) + "1" + ")".repeat(depth) + "\n");
        Workspace.write(ws, "unbalanced_parens.rs", "fn f() {\n" + "(".repeat(200_000) + "\n");
        StringBuilder bundle = new StringBuilder("var a0=0;");
        for (int i = 1; i < 400_000; i++) {
            bundle.append("var a").append(i).append("=a").append(i - 1).append("+1;");
        }
        Workspace.write(ws, "bundle.min.js", bundle.toString());
        // deep but with short lines: only the nesting estimate stops it
        Workspace.write(ws, "nested.js", "(\n".repeat(2000) + ")\n".repeat(2000));
        // one long line without brackets: only the line-length check stops it
        Workspace.write(ws, "wide.js", "var s = '" + "x".repeat(5000) + "';\n");
        Workspace.write(ws, "fine.js", "function fine() {}\n");
        ToyParser parser = new ToyParser();
        try (RepoIndex index = TestIndexes.open(ws, indexDir, parser)) {
            IndexStatus status = index.refresh(IndexListener.NONE);

            assertEquals(List.of("fine.js"), parser.parsed());
            assertEquals(4, status.parseSkipped(), "bundle.min.js is vendored, not skipped by a guard");
            Map<String, String> reasons = index.map(RepoMapRequest.of(1024)).files().stream()
                    .collect(Collectors.toMap(RepoMap.MapFile::path, f -> String.valueOf(f.skippedReason())));
            assertEquals(Map.of("bundle.min.js", "vendored or generated", "deep_nesting.js", "nesting too deep",
                    "unbalanced_parens.rs", "nesting too deep", "nested.js", "nesting too deep", "wide.js", "minified",
                    "fine.js", "null"), reasons);
            SearchResults hit = index.search(SearchQuery.of("var a399999=a399998+1;"));
            assertEquals(1, hit.totalMatches());
            assertTrue(hit.hits().get(0).text().length() <= 302);
            assertEquals(1, index.search(SearchQuery.of("fn f() {")).totalMatches());
        }
    }

    @Test
    void b19AnOversizedUnvendoredFileIsSkippedAsTooLarge() throws IOException {
        Path ws = temp.resolve("ws");
        Workspace.write(ws, "big.js", "var x = 1;\n".repeat(120_000));
        try (RepoIndex index = TestIndexes.open(ws, indexDir, new ToyParser())) {
            index.refresh(IndexListener.NONE);

            RepoMap.MapFile file = index.map(RepoMapRequest.of(1024)).files().get(0);
            assertEquals("too large", file.skippedReason());
            assertEquals(120_000, index.search(SearchQuery.of("var x = 1;")).totalMatches());
        }
    }

    @Test
    void b20SearchSeesWhatGitSeesAndNothingItIgnores() throws IOException {
        Workspace.runCase("B20-nested-gitignore-setup.sh", temp);
        Path repo = temp.resolve("repo");
        try (RepoIndex index = TestIndexes.open(repo, indexDir, new ToyParser())) {
            index.refresh(IndexListener.NONE);

            for (String ignored : List.of("shouldNotBeIndexed", "generatedJunk", "keepMeNot", "B20-NOISE", "B20-EXCLUDED",
                    "B20-IGNORED")) {
                assertEquals(0, index.search(SearchQuery.of(ignored)).totalMatches(), ignored);
            }
            assertEquals(List.of("packages/foo/src/index.js:1:17:export function realCode() { return 1; }"),
                    lines(index.search(SearchQuery.of("realCode"))));
            assertEquals(List.of("packages/bar/logs/important.log:1:1:B20-IMPORTANT-LOG"),
                    lines(index.search(SearchQuery.of("B20-IMPORTANT-LOG"))));
            assertFalse(index.map(RepoMapRequest.of(1024)).text().contains("node_modules"));
            assertEquals(List.of("packages/bar/.gitignore", "packages/bar/logs/", "packages/bar/logs/important.log"),
                    describe(index.list("packages/bar", 3, 100)));
        }
    }

    @Test
    void b22AFileStartingWithNulIsBinaryAndNeverAContentHit() throws IOException {
        Path ws = temp.resolve("ws");
        for (String name : List.of("B22-leading-nul.js", "B22-leading-nul.txt")) {
            Workspace.write(ws, name, Workspace.caseBytes(name));
        }
        ToyParser parser = new ToyParser();
        try (RepoIndex index = TestIndexes.open(ws, indexDir, parser)) {
            IndexStatus status = index.refresh(IndexListener.NONE);

            assertEquals(2, status.binaryFiles());
            assertEquals(0, status.textFiles());
            SearchResults results = index.search(SearchQuery.of("B22-NEEDLE"));
            assertTrue(results.hits().isEmpty());
            assertEquals(0, results.totalMatches());
            assertEquals(List.of("B22-leading-nul.js", "B22-leading-nul.txt"), results.binaryFilesMatched());
            assertEquals(List.of("B22-leading-nul.js"), index.search(SearchQuery.of("NEEDLE-IN-FONT OS/2")).binaryFilesMatched());
            assertEquals(List.of(), index.search(SearchQuery.regex("B22-NEEDLE")).binaryFilesMatched());
            assertEquals(List.of(), parser.parsed());
            assertEquals(List.of(), mapPaths(index));
            assertTrue(Files.exists(ws.resolve("B22-leading-nul.js")));
        }
    }

    private static List<String> mapPaths(RepoIndex index) throws IOException {
        return index.map(RepoMapRequest.of(1024)).files().stream().map(RepoMap.MapFile::path).toList();
    }

    private static List<String> describe(DirectoryListing listing) {
        return listing.entries().stream()
                .map(e -> e.path() + (e.symlink() ? " (link)" : ""))
                .toList();
    }
}
