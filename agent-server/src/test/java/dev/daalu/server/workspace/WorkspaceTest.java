package dev.daalu.server.workspace;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.daalu.server.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceTest {

    @TempDir
    Path temp;

    @Test
    void refusesEveryTraversalOfCaseB14ButTheNormalisingOne() throws Exception {
        Path root = Files.createDirectories(temp.resolve("demo"));
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/Main.java"), "class Main {}");
        Workspace workspace = Workspace.open(root);
        JsonArray paths = JsonParser.parseString(Cases.text("B14-path-traversal-args.json"))
                .getAsJsonObject().getAsJsonArray("path_arguments");

        List<String> accepted = new ArrayList<>();
        for (JsonElement element : paths) {
            String argument = element.getAsString();
            try {
                WorkspacePath path = workspace.resolve(argument);
                accepted.add(argument + " -> " + path.relative());
            } catch (PathRefusedException e) {
                assertTrue(e.getMessage().length() > 20, "refusal explains itself: " + e.getMessage());
            }
        }

        assertEquals(List.of("src/%2e%2e/%2e%2e/etc/passwd -> src/%2e%2e/%2e%2e/etc/passwd",
                "src/../src/Main.java -> src/Main.java"), accepted);
        assertTrue(!workspace.resolve("src/%2e%2e/%2e%2e/etc/passwd").exists(), "the URL-encoded name is literal and absent");
    }

    @Test
    void refusesGitInternalsWhateverTheSpelling() throws Exception {
        Workspace workspace = Workspace.open(Files.createDirectories(temp.resolve("ws")));

        for (String path : List.of(".git/config", ".git", "./.git/hooks/pre-commit", "sub/.git/config", "a/../.git/HEAD")) {
            PathRefusedException e = assertThrows(PathRefusedException.class, () -> workspace.resolve(path), path);
            assertTrue(e.getMessage().contains(".git"), e.getMessage());
        }
        assertEquals(".gitignore", workspace.resolve(".gitignore").relative());
        assertEquals(".github/workflows/ci.yml", workspace.resolve(".github/workflows/ci.yml").relative());
    }

    @Test
    void acceptsAbsolutePathsInsideTheRootAndTheRootItself() throws Exception {
        Path root = Files.createDirectories(temp.resolve("ws"));
        Workspace workspace = Workspace.open(root);

        assertEquals("main.tf", workspace.resolve(root.toRealPath().resolve("main.tf").toString()).relative());
        assertEquals(".", workspace.resolve("").relative());
        assertEquals(".", workspace.resolve("./").relative());
        assertThrows(PathRefusedException.class, () -> workspace.resolve(temp.resolve("other/main.tf").toString()));
    }

    @Test
    void refusesLinksThatLeaveTheRootAsInCaseB13() throws Exception {
        Cases.runScript("B13-symlink-escape-setup.sh", temp);
        Workspace workspace = Workspace.open(temp.resolve("ws"));

        for (String path : List.of("docs/notes.md", "src/vendor/secret.txt", "src/vendor", "dangling.txt", "src/vendor/planted.txt")) {
            assertThrows(PathRefusedException.class, () -> workspace.resolve(path), path);
        }
        assertEquals("src/A.java", workspace.resolve("src/A.java").relative());
        assertEquals("src/new/B.java", workspace.resolve("src/new/B.java").relative());
    }

    @Test
    void followsLinksThatStayInside() throws IOException, PathRefusedException {
        Path root = Files.createDirectories(temp.resolve("ws"));
        Files.createDirectories(root.resolve("modules/s3"));
        Files.writeString(root.resolve("modules/s3/main.tf"), "resource {}");
        Files.createSymbolicLink(root.resolve("s3"), Path.of("modules/s3"));
        Workspace workspace = Workspace.open(root);

        WorkspacePath path = workspace.resolve("s3/main.tf");

        assertTrue(path.exists());
        assertEquals("s3/main.tf", path.relative());
    }

    @Test
    void refusesAMissingRootWithAClearMessage() {
        IOException e = assertThrows(IOException.class, () -> Workspace.open(temp.resolve("nope")));
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }
}
