package dev.daalu.server.bootstrap;

import dev.daalu.server.log.SecretRedactor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeder's decisions; cloning over HTTPS is tested end to end in the tests module (WorkspaceInitIT). */
class WorkspaceSeederTest {

    @TempDir
    Path dir;
    private StateDirectory state;
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void state() {
        state = new StateDirectory(dir.resolve("state"));
    }

    @Test
    void leavesANonEmptyWorkspaceUntouchedWithoutRunningGit() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(workspace.resolve("README.md"), "mine");
        Path gitLog = dir.resolve("git-ran");

        SeedResult result = seeder(recordingGit(gitLog)).seed(request(workspace, "https://git.example.com/a/b.git"));

        assertEquals(SeedResult.Outcome.LEFT_UNTOUCHED, result.outcome());
        assertEquals("mine", Files.readString(workspace.resolve("README.md")));
        assertFalse(Files.readString(gitLog).contains("clone"), "no clone was attempted");
        assertFalse(state.exists(SeedRecord.FILE));
    }

    @Test
    void withoutARepositoryCreatesAnEmptyWorkspaceAndRecordsIt() throws Exception {
        Path workspace = dir.resolve("new/ws");

        SeedResult result = seeder(new GitCli("git", System.getenv())).seed(SeedRequest.empty(workspace));

        assertEquals(SeedResult.Outcome.STARTED_EMPTY, result.outcome());
        assertTrue(Files.isDirectory(workspace));
        assertEquals(Optional.of(new SeedRecord(null, null, workspace.toString())), SeedRecord.read(state));
    }

    @Test
    void refusesAMissingCaFileAndABadTokenUserBeforeTouchingAnything() throws Exception {
        Path workspace = dir.resolve("ws");
        RepoUrl url = RepoUrl.parse("https://git.example.com/a/b.git");
        WorkspaceSeeder seeder = seeder(new GitCli("git", System.getenv()));

        SeedingException ca = assertThrows(SeedingException.class, () -> seeder.seed(new SeedRequest(workspace,
                Optional.of(url), Optional.empty(), Optional.of(dir.resolve("missing.pem")), "x", SeedRequest.DEFAULT_TIMEOUT)));
        SeedingException user = assertThrows(SeedingException.class, () -> seeder.seed(new SeedRequest(workspace,
                Optional.of(url), Optional.empty(), Optional.empty(), "a\nb", SeedRequest.DEFAULT_TIMEOUT)));

        assertEquals(SeedingException.Reason.REFUSED_INPUT, ca.reason());
        assertEquals(SeedingException.Reason.REFUSED_INPUT, user.reason());
        assertFalse(Files.exists(workspace));
    }

    @Test
    void refusesAWorkspaceThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("ws"), "x");

        SeedingException e = assertThrows(SeedingException.class,
                () -> seeder(new GitCli("git", System.getenv())).seed(SeedRequest.empty(file)));

        assertEquals(SeedingException.Reason.REFUSED_INPUT, e.reason());
    }

    @Test
    void aFailedCloneLeavesNoWorkspaceAndNamesTheUrl() throws Exception {
        Path workspace = dir.resolve("ws");
        Path failing = fakeGit("case \"$*\" in *clone*) echo \"fatal: repository not found\" >&2; exit 128;; "
                + "*check-ref-format*) echo main;; *) echo 'git version 2.39.5';; esac");

        SeedingException e = assertThrows(SeedingException.class, () -> seeder(new GitCli(failing.toString(), Map.of()))
                .seed(request(workspace, "https://git.example.com/a/b.git")));

        assertEquals(SeedingException.Reason.CLONE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("could not clone https://git.example.com/a/b.git (branch main)"), e.getMessage());
        assertTrue(e.getMessage().contains("fatal: repository not found"), e.getMessage());
        assertFalse(Files.exists(workspace));
    }

    private WorkspaceSeeder seeder(GitCli git) {
        TokenVault vault = new TokenVault(state, null, new SecretRedactor());
        return new WorkspaceSeeder(git, vault, state, dir, notices::add);
    }

    private static SeedRequest request(Path workspace, String url) throws SeedingException {
        return new SeedRequest(workspace, Optional.of(RepoUrl.parse(url)), Optional.of("main"), Optional.empty(),
                SeedRequest.DEFAULT_TOKEN_USER, SeedRequest.DEFAULT_TIMEOUT);
    }

    private GitCli recordingGit(Path log) throws Exception {
        Files.writeString(log, "");
        return new GitCli(fakeGit("echo \"$@\" >> '" + log + "'; exec git \"$@\"").toString(), System.getenv());
    }

    private Path fakeGit(String body) throws Exception {
        Path script = dir.resolve("fake-git");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
