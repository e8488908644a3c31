package dev.daalu.e2e.seeding;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.daalu.e2e.seeding.SeedingCases.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code daalu workspace} refuses, as a user sees it from the jar: exit codes, one clear line, nothing touched. */
class WorkspaceRefusalIT {

    @TempDir
    Path dir;
    private DaaluSandbox daalu;

    @BeforeEach
    void sandbox() throws Exception {
        daalu = new DaaluSandbox(dir);
    }

    @Test
    void refusesUnsafeRepositoryUrlsWithExitCode2() throws Exception {
        List<String> urls = new ArrayList<>(b38Urls());
        urls.addAll(List.of("ssh://git@git.example.com/acme/repo.git", "git@git.example.com:acme/repo.git",
                "file://" + dir, "ext::sh -c touch% " + dir.resolve("pwned"), "fd::7",
                "https://x-access-token:" + TOKEN + "@git.example.com/acme/repo.git", "http://git.example.com/acme/repo.git"));
        Path workspace = dir.resolve("ws");

        for (String url : urls) {
            DaaluSandbox.Run run = daalu.run(null, "workspace", "init", "--repo", url, "--dir", workspace.toString());

            assertEquals(2, run.exitCode(), url + ": " + run.both());
            assertTrue(run.stderr().startsWith("daalu: refused --repo"), run.stderr());
            assertEquals(1, run.stderr().strip().lines().count(), "one line: " + run.stderr());
            assertEquals(List.of(), new SecretScan(TOKEN, "x-access-token").inText(url, run.both()));
        }
        assertFalse(Files.exists(workspace));
        assertFalse(Files.exists(dir.resolve("pwned")));
        assertEquals("", daalu.gitLog(), "git never ran");
    }

    @Test
    void refusesOptionLikeAndInvalidBranchNamesWithExitCode2() throws Exception {
        for (String branch : List.of("--upload-pack=touch " + dir.resolve("pwned"), "-b", "main..x", "feature/x.lock")) {
            DaaluSandbox.Run run = daalu.run(null, "workspace", "init", "--repo", "https://git.example.com/acme/repo.git",
                    "--branch", branch, "--dir", dir.resolve("ws").toString());

            assertEquals(2, run.exitCode(), branch + ": " + run.both());
            assertTrue(run.stderr().contains("refused --branch"), run.stderr());
        }
        assertFalse(Files.exists(dir.resolve("ws")));
        assertFalse(Files.exists(dir.resolve("pwned")));
        assertFalse(daalu.gitLog().contains("<clone>"));
    }

    @Test
    void setTokenRefusesATokenThatWouldInjectLinesAndNeverEchoesIt() throws Exception {
        String injecting = "TESTTOKEN-B38-0123456789\nhost=evil.example.net";

        DaaluSandbox.Run run = daalu.run(injecting + "\n", "workspace", "set-token");

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.stderr().contains("control character or line break"), run.stderr());
        assertFalse(run.both().contains("TESTTOKEN-B38"), run.both());
        assertFalse(Files.exists(daalu.state.resolve("daalu/token.fernet")));
    }

    @Test
    void setTokenSaysWhatIsWrongWithTheKeyFile() throws Exception {
        daalu.env("DAALU_TOKEN_KEY_FILE", null);
        DaaluSandbox.Run unset = daalu.run(TOKEN, "workspace", "set-token");
        daalu.env("DAALU_TOKEN_KEY_FILE", dir.resolve("missing.key").toString());
        DaaluSandbox.Run missing = daalu.run(TOKEN, "workspace", "set-token");
        Files.writeString(daalu.keyFile, "not-a-fernet-key");
        daalu.env("DAALU_TOKEN_KEY_FILE", daalu.keyFile.toString());
        DaaluSandbox.Run invalid = daalu.run(TOKEN, "workspace", "set-token");

        assertEquals(1, unset.exitCode(), unset.both());
        assertTrue(unset.stderr().contains("DAALU_TOKEN_KEY_FILE is not set"), unset.stderr());
        assertEquals(1, missing.exitCode(), missing.both());
        assertTrue(missing.stderr().contains("does not exist"), missing.stderr());
        assertEquals(1, invalid.exitCode(), invalid.both());
        assertTrue(invalid.stderr().contains("not hold a valid Fernet key"), invalid.stderr());
        for (DaaluSandbox.Run run : List.of(unset, missing, invalid)) {
            assertFalse(run.both().contains(TOKEN));
            assertFalse(run.stderr().contains("Exception"), run.stderr());
        }
        assertFalse(Files.exists(daalu.state.resolve("daalu/token.fernet")));
    }

    @Test
    void helpNamesTheExitCodes() throws Exception {
        DaaluSandbox.Run help = daalu.run(null, "workspace", "init", "--help");

        assertEquals(0, help.exitCode(), help.both());
        assertTrue(help.stdout().contains("Exit codes:"), help.stdout());
        assertTrue(help.stdout().contains("2   The input was refused"), help.stdout());
    }

    private static List<String> b38Urls() {
        String text = SeedingCases.text("B38-credential-helper-requests.txt");
        List<String> urls = new ArrayList<>(text.substring(text.indexOf("# URLs the product must refuse")).lines()
                .filter(line -> line.startsWith("https://")).toList());
        // the file spells one newline as "\n"; the real character must be refused as well
        urls.add(urls.get(1).replace("\\n", "\n"));
        return urls;
    }
}
