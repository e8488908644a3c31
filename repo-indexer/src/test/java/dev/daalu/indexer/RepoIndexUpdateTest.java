package dev.daalu.indexer;

import dev.daalu.indexer.IndexListener.IndexProgress;
import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.SyntaxParser;
import dev.daalu.indexer.testing.TestIndexes;
import dev.daalu.indexer.testing.ToyParser;
import dev.daalu.indexer.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.daalu.indexer.testing.TestIndexes.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepoIndexUpdateTest {

    @TempDir
    Path workspace;
    @TempDir
    Path indexDir;
    private final ToyParser parser = new ToyParser();

    @Test
    void anUpdatedFileIsSearchableWhenUpdateReturns() throws IOException {
        Workspace.write(workspace, "app.py", "def old_name():\n    pass\n");
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            index.refresh(IndexListener.NONE);

            Workspace.write(workspace, "app.py", "def new_name():\n    pass\n");
            IndexStatus status = index.update(List.of(workspace.resolve("app.py")));

            assertEquals(1, status.changedInLastPass());
            assertEquals(0, index.search(SearchQuery.of("old_name")).totalMatches());
            assertEquals(List.of("app.py:1:5:def new_name():"), lines(index.search(SearchQuery.of("new_name"))));
        }
    }

    @Test
    void updateTakesCreatedDeletedAndWholeDirectoriesAndDropsWhatItMustNotIndex() throws IOException {
        Workspace.write(workspace, "keep.py", "token_a\n");
        Workspace.write(workspace, "gone.py", "token_a\n");
        Workspace.write(workspace, ".gitignore", "*.log\n");
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            index.refresh(IndexListener.NONE);

            Files.delete(workspace.resolve("gone.py"));
            Workspace.write(workspace, "new/deep/one.py", "token_a\n");
            Workspace.write(workspace, "new/two.py", "token_a\n");
            Workspace.write(workspace, "debug.log", "token_a\n");
            index.update(List.of(Path.of("gone.py"), Path.of("new"), Path.of("debug.log"), Path.of("/etc/passwd")));

            SearchResults results = index.search(SearchQuery.of("token_a"));
            assertEquals(List.of("keep.py", "new/deep/one.py", "new/two.py"),
                    results.hits().stream().map(SearchResults.SearchHit::path).sorted().toList());

            deleteTree(workspace.resolve("new"));
            index.update(List.of(workspace.resolve("new")));
            assertEquals(1, index.search(SearchQuery.of("token_a")).totalMatches());
        }
    }

    @Test
    void aChangedIgnoreFileReappliesTheRulesEverywhere() throws IOException {
        Workspace.write(workspace, "build/out.js", "token_b\n");
        Workspace.write(workspace, "src/in.js", "token_b\n");
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            index.refresh(IndexListener.NONE);
            assertEquals(2, index.search(SearchQuery.of("token_b")).totalMatches());

            Workspace.write(workspace, ".gitignore", "build/\n");
            index.update(List.of(workspace.resolve(".gitignore")));

            assertEquals(List.of("src/in.js:1:1:token_b"), lines(index.search(SearchQuery.of("token_b"))));
        }
    }

    @Test
    void aFileWithTheSameSizeAndTimeIsNotReadAgain() throws IOException {
        Path file = Workspace.write(workspace, "a.py", "alpha_value\n");
        FileTime time = Files.getLastModifiedTime(file);
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            index.refresh(IndexListener.NONE);

            // same size, same time: the index trusts its record, as git and rg's caches would
            Files.writeString(file, "gamma_value\n");
            Files.setLastModifiedTime(file, time);
            index.refresh(IndexListener.NONE);
            assertEquals(1, index.search(SearchQuery.of("alpha_value")).totalMatches());

            Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() - 10_000));
            index.refresh(IndexListener.NONE);
            assertEquals(1, index.search(SearchQuery.of("gamma_value")).totalMatches());
        }
    }

    @Test
    void aTouchedFileIsHashedButNeitherReindexedNorReparsed() throws IOException {
        Path file = Workspace.write(workspace, "a.py", "def f():\n    pass\n");
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            index.refresh(IndexListener.NONE);
            parser.forget();

            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
            IndexStatus status = index.refresh(IndexListener.NONE);

            assertEquals(0, status.changedInLastPass());
            assertEquals(List.of(), parser.parsed());
        }
    }

    @Test
    void aRestartWithoutChangesReadsAndParsesNothing() throws IOException {
        for (int i = 0; i < 50; i++) {
            Workspace.write(workspace, "pkg" + (i % 5) + "/m" + i + ".py", "def f" + i + "():\n    return " + i + "\n");
        }
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            assertEquals(50, index.refresh(IndexListener.NONE).changedInLastPass());
        }
        parser.forget();
        try (RepoIndex reopened = TestIndexes.open(workspace, indexDir, parser)) {
            assertEquals(IndexStatus.State.READY, reopened.status().state());
            assertEquals(50, reopened.status().textFiles());
            IndexStatus status = reopened.refresh(IndexListener.NONE);

            assertEquals(0, status.changedInLastPass());
            assertEquals(List.of(), parser.parsed());
            assertEquals(1, reopened.search(SearchQuery.of("def f17")).totalMatches());
        }
    }

    @Test
    void deletedFilesLeaveTheIndexOnRefresh() throws IOException {
        Workspace.write(workspace, "a.py", "shared_token\n");
        Workspace.write(workspace, "b.py", "shared_token\n");
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            index.refresh(IndexListener.NONE);
            Files.delete(workspace.resolve("b.py"));

            IndexStatus status = index.refresh(IndexListener.NONE);

            assertEquals(1, status.changedInLastPass());
            assertEquals(1, status.filesTotal());
            assertEquals(List.of("a.py:1:1:shared_token"), lines(index.search(SearchQuery.of("shared_token"))));
        }
    }

    @Test
    void aRenamedFileReusesItsTagsInsteadOfParsingAgain() throws IOException {
        Workspace.write(workspace, "old/name.py", "def renamed_function():\n    pass\n");
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            index.refresh(IndexListener.NONE);
            parser.forget();

            Files.createDirectories(workspace.resolve("new"));
            Files.move(workspace.resolve("old/name.py"), workspace.resolve("new/name.py"));
            index.refresh(IndexListener.NONE);

            assertEquals(List.of(), parser.parsed());
            RepoMap map = index.map(RepoMapRequest.of(1024));
            assertEquals(List.of("new/name.py"), map.files().stream().map(RepoMap.MapFile::path).toList());
            assertEquals("renamed_function", map.files().get(0).definitions().get(0).name());
        }
    }

    @Test
    void theTagCacheNeverServesAnOlderVersionOfAFile() throws IOException {
        Workspace.write(workspace, "a.py", "def old_one():\n    pass\n");
        IndexConfig oneThread = IndexConfig.defaults().withIndexDir(indexDir).withThreads(1);
        try (RepoIndex index = TestIndexes.open(workspace, oneThread, parser)) {
            index.refresh(IndexListener.NONE);

            // a.py is re-read first and takes the new content's hash while searches still see its old document
            Workspace.write(workspace, "a.py", "def new_one():\n    pass\n");
            Workspace.write(workspace, "b.py", "def new_one():\n    pass\n");
            index.refresh(IndexListener.NONE);

            for (RepoMap.MapFile file : index.map(RepoMapRequest.of(1024)).files()) {
                assertEquals(List.of("new_one"), file.definitions().stream().map(RepoMap.MapEntry::name).toList(), file.path());
            }
        }
    }

    @Test
    void otherParseSettingsRebuildTheIndex() throws IOException {
        Workspace.write(workspace, "vendor/lib.py", "def vendored():\n    pass\n");
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            index.refresh(IndexListener.NONE);
            assertEquals("vendored or generated", index.map(RepoMapRequest.of(1024)).files().get(0).skippedReason());
        }
        IndexConfig withVendored = IndexConfig.defaults().withIndexDir(indexDir).withThreads(2).withSymbolsForVendored(true);
        try (RepoIndex index = TestIndexes.open(workspace, withVendored, parser)) {
            assertEquals(IndexStatus.State.EMPTY, index.status().state());
            assertTrue(index.status().problems().get(0).message().contains("rebuilt"));

            index.refresh(IndexListener.NONE);

            RepoMap.MapFile file = index.map(RepoMapRequest.of(1024)).files().get(0);
            assertEquals("vendored", file.definitions().get(0).name());
        }
    }

    @Test
    void searchesDuringARefreshSeeTheLastCommittedState() throws Exception {
        Workspace.write(workspace, "a.py", "before_token\n");
        CountDownLatch parsing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyntaxParser blocking = new SyntaxParser() {
            @Override
            public Optional<String> languageFor(String path) {
                return parser.languageFor(path);
            }

            @Override
            public FileTags parse(String path, String text) {
                if (path.equals("b.py")) {
                    parsing.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return parser.parse(path, text);
            }
        };
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, blocking)) {
            index.refresh(IndexListener.NONE);
            Workspace.write(workspace, "b.py", "after_token in b\n");
            Workspace.write(workspace, "a.py", "after_token in a\n");
            CompletableFuture<IndexStatus> refresh = CompletableFuture.supplyAsync(() -> {
                try {
                    return index.refresh(IndexListener.NONE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(parsing.await(30, TimeUnit.SECONDS));

            assertEquals(IndexStatus.State.INDEXING, index.status().state());
            assertEquals(1, index.search(SearchQuery.of("before_token")).totalMatches());
            assertEquals(0, index.search(SearchQuery.of("after_token")).totalMatches());

            release.countDown();
            refresh.get(30, TimeUnit.SECONDS);
            assertEquals(2, index.search(SearchQuery.of("after_token")).totalMatches());
            assertEquals(IndexStatus.State.READY, index.status().state());
        }
    }

    @Test
    void progressComesThrottledInPhaseOrderAndEndsWithDone() throws IOException {
        for (int i = 0; i < 300; i++) {
            Workspace.write(workspace, "f" + i + ".py", "def g" + i + "():\n    pass\n");
        }
        List<IndexProgress> reports = new ArrayList<>();
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            index.refresh(progress -> {
                synchronized (reports) {
                    reports.add(progress);
                }
            });
        }
        assertTrue(reports.size() < 30, "reports: " + reports.size());
        assertEquals(IndexProgress.Phase.DONE, reports.get(reports.size() - 1).phase());
        assertEquals(300, reports.get(reports.size() - 1).done());
        assertTrue(reports.stream().anyMatch(r -> r.phase() == IndexProgress.Phase.WALK && r.done() == 300));
        assertTrue(reports.stream().anyMatch(r -> r.phase() == IndexProgress.Phase.COMMIT));
    }

    @Test
    void theStatusCountsFilesAndNamesProblems() throws IOException {
        Workspace.write(workspace, "a.py", "def a():\n    pass\n");
        Workspace.write(workspace, "notes.txt", "plain\n");
        Workspace.write(workspace, "logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});
        Workspace.write(workspace, ".env", "SECRET=CANARY\n");
        Workspace.write(workspace, "min.js", "var a=1;".repeat(1000));
        try (RandomAccessFile huge = new RandomAccessFile(workspace.resolve("dump.sql").toFile(), "rw")) {
            huge.setLength(65L * 1024 * 1024);
        }
        try (RepoIndex index = TestIndexes.open(workspace, indexDir, parser)) {
            IndexStatus status = index.refresh(IndexListener.NONE);

            assertEquals(6, status.filesTotal());
            assertEquals(3, status.textFiles());
            assertEquals(1, status.binaryFiles());
            assertEquals(1, status.parsedFiles());
            assertEquals(1, status.parseSkipped());
            assertEquals(List.of(new IndexStatus.Problem("dump.sql", "too large to index (65 MiB; the limit is 64 MiB)")),
                    status.problems());
            assertEquals(indexDir, status.indexDir());
            assertFalse(Files.exists(workspace.resolve(".daalu")));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
