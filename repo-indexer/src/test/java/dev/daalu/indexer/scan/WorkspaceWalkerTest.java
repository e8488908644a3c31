package dev.daalu.indexer.scan;

import dev.daalu.indexer.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceWalkerTest {

    @TempDir
    Path temp;

    @Test
    void b20IncludesExactlyTheFilesGitDoesNotIgnore() throws IOException {
        Workspace.runCase("B20-nested-gitignore-setup.sh", temp);
        Path repo = temp.resolve("repo").toRealPath();

        assertEquals(gitView(repo), files(repo, true));
        Set<String> walked = files(repo, true);
        assertTrue(walked.contains("packages/foo/src/index.js"));
        assertTrue(walked.contains("packages/bar/logs/important.log"));
        assertFalse(walked.contains("packages/bar/build/keep.js"));
        assertFalse(walked.contains("packages/bar/secret-notes.txt"));
        assertFalse(walked.contains("packages/foo/node_modules/some-dep/index.js"));
    }

    @Test
    void trickierPatternsMatchGitFileByFile() throws IOException {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo);
        Workspace.git(repo, "init", "-q");
        Workspace.write(repo, ".gitignore", String.join("\n",
                "*.log", "!keep.log", "/rooted.txt", "**/tmp/", "docs/*.txt", "\\#hash", "trailing.txt   ",
                "a/**/z.md", "dist", "!dist/", "*.o", "!special.o", ""));
        Workspace.write(repo, "sub/.gitignore", "!*.log\nlocal/\n*.tmp\n");
        Workspace.write(repo, "sub/deeper/.gitignore", "*.log\n");
        for (String file : List.of("x.log", "keep.log", "sub/x.log", "sub/deeper/y.log", "sub/deeper/keep.log",
                "rooted.txt", "sub/rooted.txt", "tmp/t.c", "sub/tmp/t.c", "docs/a.txt", "docs/n/b.txt", "#hash",
                "trailing.txt", "a/z.md", "a/b/c/z.md", "b/z.md", "dist", "sub/dist/f.js", "m.o", "special.o",
                "sub/local/l.c", "sub/k.tmp", "sub/keep.c", "plain.c")) {
            Workspace.write(repo, file, "x");
        }
        Path real = repo.toRealPath();

        assertEquals(gitView(real), files(real, true));
    }

    @Test
    void aWorkspaceInsideARepositoryObeysTheRulesAboveIt() throws IOException {
        Workspace.runCase("B20-nested-gitignore-setup.sh", temp);
        Workspace.write(temp, "repo/.gitignore", "*.tmp\n");
        Workspace.write(temp, "repo/packages/bar/src/a.tmp", "x");
        Workspace.write(temp, "repo/packages/bar/src/a.js", "x");
        Path bar = temp.resolve("repo/packages/bar").toRealPath();

        Set<String> walked = files(bar, true);

        assertEquals(gitView(bar), walked);
        assertFalse(walked.contains("src/a.tmp"));
        assertFalse(walked.contains("secret-notes.txt"));
        assertTrue(walked.contains("src/a.js"));
    }

    @Test
    void entriesComeInNameOrderWithEachDirectoryBeforeItsChildren() throws IOException {
        Workspace.write(temp, "b.txt", "x");
        Workspace.write(temp, "a/z.txt", "x");
        Workspace.write(temp, "a/m/n.txt", "x");
        Workspace.write(temp, ".git/config", "not a repository, never listed");

        List<String> order = new ArrayList<>();
        walker(temp.toRealPath(), true).walk("", Integer.MAX_VALUE, entry -> order.add(entry.path()));

        assertEquals(List.of("a", "a/m", "a/m/n.txt", "a/z.txt", "b.txt"), order);
    }

    @Test
    void aConcurrentWalkFindsTheSameEntriesAsAnOrderedOne() throws IOException {
        Workspace.runCase("B20-nested-gitignore-setup.sh", temp);
        Path repo = temp.resolve("repo");
        for (int d = 0; d < 30; d++) {
            for (int f = 0; f < 10; f++) {
                Workspace.write(repo, "tree/d" + d + "/sub" + (f % 3) + "/f" + f + (f % 4 == 0 ? ".log" : ".py"), "x");
            }
        }
        Workspace.write(repo, "tree/.gitignore", "*.log\n");
        Path root = repo.toRealPath();
        List<String> ordered = new ArrayList<>();
        walker(root, true).walk("", Integer.MAX_VALUE, entry -> ordered.add(entry.path()));

        Set<String> concurrent = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(4);
        try {
            walker(root, true).walkConcurrently("", entry -> concurrent.add(entry.path()), pool);
        } finally {
            pool.shutdown();
        }

        assertEquals(new TreeSet<>(ordered), new TreeSet<>(concurrent));
        assertEquals(ordered.size(), concurrent.size());
        assertTrue(ordered.contains("tree/d7/sub1/f1.py"));
        assertFalse(ordered.contains("tree/d7/sub0/f0.log"));
    }

    @Test
    void depthLimitsHowFarTheWalkDescends() throws IOException {
        Workspace.write(temp, "a/b/c.txt", "x");
        Workspace.write(temp, "a/d.txt", "x");

        List<String> order = new ArrayList<>();
        walker(temp.toRealPath(), true).walk("a", 1, entry -> order.add(entry.path()));

        assertEquals(List.of("a/b", "a/d.txt"), order);
    }

    @Test
    void daaluignoreAppliesEvenWhenGitignoreIsNotRespected() throws IOException {
        Workspace.write(temp, ".gitignore", "*.txt\n");
        Workspace.write(temp, ".daaluignore", "generated/\n");
        Workspace.write(temp, "notes.txt", "x");
        Workspace.write(temp, "generated/out.py", "x");
        Workspace.write(temp, "src/a.py", "x");
        Path root = temp.toRealPath();

        assertEquals(Set.of(".daaluignore", ".gitignore", "notes.txt", "src/a.py"), files(root, false));
        assertEquals(Set.of(".daaluignore", ".gitignore", "src/a.py"), files(root, true));
    }

    @Test
    void b13LinksAreListedButNeverFollowed() throws IOException {
        Workspace.runCase("B13-symlink-escape-setup.sh", temp);
        Path ws = temp.resolve("ws").toRealPath();

        List<WalkEntry> entries = new ArrayList<>();
        walker(ws, true).walk("", Integer.MAX_VALUE, entries::add);

        List<String> links = entries.stream().filter(e -> e.kind() == WalkEntry.Kind.SYMLINK).map(WalkEntry::path).toList();
        assertEquals(List.of("dangling.txt", "docs/notes.md", "src/vendor"), links);
        assertTrue(entries.stream().noneMatch(e -> e.path().startsWith("src/vendor/")));
        assertThrows(IllegalArgumentException.class, () -> walker(ws, true).walk("src/vendor", 1, e -> true));
        assertTrue(walker(ws, true).lookup("src/vendor/secret.txt").isEmpty());
        assertEquals(WalkEntry.Kind.SYMLINK, walker(ws, true).lookup("docs/notes.md").orElseThrow().kind());
    }

    @Test
    void aLinkCycleInsideTheRootIsListedOnce() throws IOException {
        Workspace.write(temp, "a/file.txt", "x");
        Files.createSymbolicLink(temp.resolve("a/loop"), temp.resolve("a"));

        List<String> order = new ArrayList<>();
        walker(temp.toRealPath(), true).walk("", Integer.MAX_VALUE, entry -> order.add(entry.path()));

        assertEquals(List.of("a", "a/file.txt", "a/loop"), order);
    }

    @Test
    void fifosAreSkippedInsteadOfOpened() throws IOException {
        Workspace.write(temp, "a.txt", "x");
        Workspace.run(temp, "mkfifo", temp.resolve("pipe").toString());

        assertEquals(Set.of("a.txt"), files(temp.toRealPath(), true));
    }

    @Test
    void lookupFindsVisibleEntriesOnly() throws IOException {
        Workspace.write(temp, ".gitignore", "build/\n*.log\n");
        Workspace.write(temp, "build/out.js", "x");
        Workspace.write(temp, "src/app.js", "x");
        Workspace.write(temp, "src/debug.log", "x");
        WorkspaceWalker walker = walker(temp.toRealPath(), true);

        assertEquals(WalkEntry.Kind.FILE, walker.lookup("src/app.js").orElseThrow().kind());
        assertEquals(WalkEntry.Kind.DIRECTORY, walker.lookup("src").orElseThrow().kind());
        assertTrue(walker.lookup("build/out.js").isEmpty());
        assertTrue(walker.lookup("src/debug.log").isEmpty());
        assertTrue(walker.lookup("src/missing.js").isEmpty());
        assertTrue(walker.lookup(".git").isEmpty());
    }

    @Test
    void walkingAMissingOrEscapingDirectorySaysSo() throws IOException {
        Workspace.write(temp, "file.txt", "x");
        WorkspaceWalker walker = walker(temp.toRealPath(), true);

        assertThrows(NoSuchFileException.class, () -> walker.walk("nope", 1, e -> true));
        assertThrows(IllegalArgumentException.class, () -> walker.walk("../etc", 1, e -> true));
        assertThrows(IllegalArgumentException.class, () -> walker.walk("/etc", 1, e -> true));
        assertThrows(java.nio.file.NotDirectoryException.class, () -> walker.walk("file.txt", 1, e -> true));
    }

    private static WorkspaceWalker walker(Path root, boolean respectGitignore) throws IOException {
        return new WorkspaceWalker(root, IgnoreRules.load(root, respectGitignore));
    }

    private static Set<String> files(Path root, boolean respectGitignore) throws IOException {
        Set<String> files = new TreeSet<>();
        walker(root, respectGitignore).walk("", Integer.MAX_VALUE, entry -> {
            if (entry.kind() == WalkEntry.Kind.FILE) {
                files.add(entry.path());
            }
            return true;
        });
        return files;
    }

    // Every file under dir (outside .git) that `git check-ignore` does not report as ignored
    private static Set<String> gitView(Path dir) throws IOException {
        List<String> all;
        try (Stream<Path> paths = Files.walk(dir)) {
            all = paths.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.startsWith(".git/") && !p.contains("/.git/"))
                    .sorted().toList();
        }
        Path list = Files.createTempFile("paths", ".txt");
        Files.write(list, all);
        String ignoredOut = Workspace.run(dir, "sh", "-c",
                "git -c core.excludesFile=/dev/null check-ignore --no-index --stdin < '" + list + "' || true");
        Files.delete(list);
        Set<String> ignored = Arrays.stream(ignoredOut.split("\n")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Set<String> visible = new TreeSet<>(all);
        visible.removeAll(ignored);
        return visible;
    }
}
