package dev.daalu.indexer;

import dev.daalu.indexer.testing.ListingMapper;
import dev.daalu.indexer.testing.TestIndexes;
import dev.daalu.indexer.testing.ToyParser;
import dev.daalu.indexer.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepoIndexerTest {

    @TempDir
    Path temp;

    @Test
    void theIndexLivesInTheCacheDirectoryAndLeavesGitStatusUnchanged() throws IOException {
        Path repo = temp.resolve("infra-live");
        Workspace.write(repo, "main.tf", "resource \"aws_s3_bucket\" \"logs\" {}\n");
        Workspace.write(repo, ".gitignore", "*.tfstate\n");
        Workspace.write(repo, "dev.tfstate", "{}\n");
        Workspace.git(repo, "init", "-q");
        Workspace.git(repo, "add", "-A");
        Workspace.git(repo, "commit", "-qm", "init");
        Workspace.write(repo, "untracked.tf", "locals {}\n");
        String before = Workspace.git(repo, "status", "--porcelain", "--ignored", "--untracked-files=all");
        Path cache = temp.resolve("cache");

        Path indexDir;
        try (RepoIndex index = RepoIndexer.builder().root(repo).parser(new ToyParser()).mapper(new ListingMapper())
                .environment(Map.of("XDG_CACHE_HOME", cache.toString()), temp.resolve("home")).build()) {
            index.refresh(IndexListener.NONE);
            index.search(SearchQuery.of("aws_s3_bucket"));
            Workspace.write(repo, "untracked.tf", "locals { a = 1 }\n");
            index.update(List.of(repo.resolve("untracked.tf")));
            indexDir = index.status().indexDir();
        }

        assertEquals(before,
                Workspace.git(repo, "status", "--porcelain", "--ignored", "--untracked-files=all"));
        assertEquals(cache.resolve("daalu/index"), indexDir.getParent());
        assertTrue(indexDir.getFileName().toString().matches("infra-live-[0-9a-f]{12}"), indexDir.toString());
        assertTrue(Files.isDirectory(indexDir));
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnoredInFavourOfTheHomeCache() throws IOException {
        Path repo = Files.createDirectories(temp.resolve("ws"));
        Path home = temp.resolve("home");
        try (RepoIndex index = RepoIndexer.builder().root(repo).parser(new ToyParser()).mapper(new ListingMapper())
                .environment(Map.of("XDG_CACHE_HOME", "relative/cache"), home).build()) {
            assertEquals(home.resolve(".cache/daalu/index"), index.status().indexDir().getParent());
        }
    }

    @Test
    void anIndexDirectoryInsideTheWorkspaceIsRefused() throws IOException {
        Path repo = Files.createDirectories(temp.resolve("ws"));

        IOException error = assertThrows(IOException.class, () -> TestIndexes.open(repo, repo.resolve(".index"), new ToyParser()));

        assertTrue(error.getMessage().contains("lies inside the workspace"), error.getMessage());
        assertTrue(Files.notExists(repo.resolve(".index")));
    }

    @Test
    void aMissingWorkspaceIsAClearError() {
        Path missing = temp.resolve("nope");

        NoSuchFileException error = assertThrows(NoSuchFileException.class,
                () -> TestIndexes.open(missing, temp.resolve("index"), new ToyParser()));

        assertEquals(missing + ": no such workspace directory", error.getMessage());
    }

    @Test
    void byDefaultTheIndexTagsWithTreeSitterAndMapsWithPageRank() throws IOException {
        Path repo = temp.resolve("ws");
        Workspace.write(repo, "app/greet.py", "def greet(name):\n    return 'hi ' + name\n");
        Workspace.write(repo, "app/main.py", "from app.greet import greet\n\nprint(greet('x'))\n");

        try (RepoIndex index = RepoIndexer.builder().root(repo)
                .config(IndexConfig.defaults().withIndexDir(temp.resolve("index"))).build()) {
            index.refresh(IndexListener.NONE);
            RepoMap map = index.map(RepoMapRequest.of(256));

            assertTrue(map.text().contains("app/greet.py") && map.text().contains("def greet(name):"), map.text());
        }
    }

    @Test
    void aScriptWithoutAnExtensionIsParsedByItsInterpreterLine() throws IOException {
        Path repo = temp.resolve("ws");
        Workspace.write(repo, "bin/deploy", "#!/usr/bin/env bash\nrollout_service() {\n  kubectl apply -f k8s/\n}\nrollout_service\n");

        try (RepoIndex index = RepoIndexer.builder().root(repo)
                .config(IndexConfig.defaults().withIndexDir(temp.resolve("index"))).build()) {
            IndexStatus status = index.refresh(IndexListener.NONE);

            assertEquals(1, status.parsedFiles());
            assertTrue(index.map(RepoMapRequest.of(256)).text().contains("rollout_service"));
        }
    }

    @Test
    void listingHonoursIgnoreRulesDepthAndTheEntryCap() throws IOException {
        Path repo = temp.resolve("ws");
        Workspace.write(repo, ".gitignore", "dist/\n");
        Workspace.write(repo, "dist/app.js", "x");
        Workspace.write(repo, "modules/vpc/main.tf", "x");
        Workspace.write(repo, "modules/s3/main.tf", "xy");
        Workspace.write(repo, "README.md", "abc");
        try (RepoIndex index = TestIndexes.open(repo, temp.resolve("index"), new ToyParser())) {
            DirectoryListing top = index.list("", 1, 100);
            DirectoryListing modules = index.list("modules", 2, 100);
            DirectoryListing capped = index.list(".", 3, 2);

            assertEquals(List.of(".gitignore", "README.md", "modules/"), top.entries().stream().map(DirectoryListing.Entry::path).toList());
            assertEquals(List.of(new DirectoryListing.Entry("modules/s3/", true, -1, false),
                    new DirectoryListing.Entry("modules/s3/main.tf", false, 2, false),
                    new DirectoryListing.Entry("modules/vpc/", true, -1, false),
                    new DirectoryListing.Entry("modules/vpc/main.tf", false, 1, false)), modules.entries());
            assertEquals(2, capped.entries().size());
            assertTrue(capped.truncated());
            assertEquals(List.of(), index.list("dist", 1, 10).entries());
            assertThrows(NoSuchFileException.class, () -> index.list("missing", 1, 10));
        }
    }

    @Test
    void aClosedIndexRefusesFurtherCalls() throws IOException {
        Path repo = Files.createDirectories(temp.resolve("ws"));
        RepoIndex index = TestIndexes.open(repo, temp.resolve("index"), new ToyParser());
        index.close();

        IOException error = assertThrows(IOException.class, () -> index.search(SearchQuery.of("x")));

        assertTrue(error.getMessage().endsWith("is closed"), error.getMessage());
    }

    @Test
    void aSecondProcessOnAHeldIndexWorksOnAPrivateCopyOfItsLastCommit() throws IOException {
        Path repo = Files.createDirectories(temp.resolve("ws"));
        Path indexDir = temp.resolve("index");
        Workspace.write(repo, "a.py", "shared_token = 1\n");
        Path stale = Files.createDirectories(temp.resolve("index.pid999999999"));
        try (RepoIndex first = TestIndexes.open(repo, indexDir, new ToyParser())) {
            first.refresh(IndexListener.NONE);
        }

        try (RepoIndex owner = TestIndexes.open(repo, indexDir, new ToyParser())) {
            Path copy;
            try (RepoIndex second = TestIndexes.open(repo, indexDir, new ToyParser())) {
                copy = second.status().indexDir();
                assertEquals(temp.resolve("index.pid" + ProcessHandle.current().pid()), copy);
                assertTrue(second.status().problems().get(0).message().contains("works on a private copy"),
                        second.status().problems().toString());
                assertEquals(1, second.search(SearchQuery.of("shared_token")).totalMatches(), "the owner's commit is there");

                Workspace.write(repo, "b.py", "shared_token = 2\n");
                IndexStatus status = second.refresh(IndexListener.NONE);
                assertEquals(1, status.changedInLastPass(), "only the new file was read");
                assertEquals(2, second.search(SearchQuery.of("shared_token")).totalMatches());
                assertEquals(1, owner.search(SearchQuery.of("shared_token")).totalMatches(), "the owner's index is its own");
            }
            assertTrue(Files.notExists(copy), "the copy is deleted at close");
            assertTrue(Files.notExists(stale), "a copy left by a process that is gone is deleted");
            assertEquals(2, owner.refresh(IndexListener.NONE).filesTotal());
        }
    }

    @Test
    void anAbsolutePathFocusesTheMapLikeItsWorkspacePath() throws IOException {
        Path repo = Files.createDirectories(temp.resolve("ws"));
        Workspace.write(repo, "a.py", "def alpha():\n    pass\n");
        Workspace.write(repo, "b.py", "def beta():\n    call alpha\n");
        Workspace.write(repo, "lib/c.py", "def gamma():\n    pass\n");
        try (RepoIndex index = RepoIndexer.builder().root(repo).config(IndexConfig.defaults().withIndexDir(temp.resolve("index")))
                .parser(new ToyParser()).build()) {
            index.refresh(IndexListener.NONE);

            RepoMap relative = index.map(RepoMapRequest.of(256, "lib/c.py"));
            RepoMap absolute = index.map(RepoMapRequest.of(256, repo.resolve("lib/c.py").toString()));

            assertEquals("lib/c.py", relative.files().get(0).path());
            assertEquals(relative.text(), absolute.text());
        }
    }

    @Test
    void anyOpenDeletesTheCopiesOfProcessesThatAreGone() throws IOException {
        Path repo = Files.createDirectories(temp.resolve("ws"));
        Path stale = Files.createDirectories(temp.resolve("index.pid999999998/nested"));
        Files.writeString(stale.resolve("_0.cfs"), "left by a killed process");

        try (RepoIndex index = TestIndexes.open(repo, temp.resolve("index"), new ToyParser())) {
            assertTrue(Files.notExists(temp.resolve("index.pid999999998")));
            assertEquals(temp.resolve("index"), index.status().indexDir());
        }
    }
}
