package dev.daalu.e2e.seeding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.daalu.e2e.seeding.SeedingCases.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code daalu workspace init} against a real git server over HTTPS (git http-backend behind the JDK's HTTPS
 * server), run as the built jar with the real git.
 */
class WorkspaceInitIT {

    private static final String PUBLIC = "public/handbook.git";
    private static final String PRIVATE = "private/acme/private-service.git";

    @TempDir
    static Path serverDir;
    private static GitHttpsServer server;

    @TempDir
    Path dir;
    private DaaluSandbox daalu;

    @BeforeAll
    static void startServer() throws Exception {
        server = GitHttpsServer.start(serverDir, TOKEN);
        server.createRepository(PUBLIC, "main", Map.of("README.md", "# Handbook\n"), serverDir);
        server.createRepository(PRIVATE, "release", Map.of("main.tf", "resource \"null_resource\" \"x\" {}\n",
                "charts/app/values.yaml", "replicas: 2\n"), serverDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void sandbox() throws Exception {
        daalu = new DaaluSandbox(dir);
    }

    @Test
    void clonesAPublicRepositoryWithoutAToken() throws Exception {
        Path workspace = dir.resolve("ws");

        DaaluSandbox.Run run = init(PUBLIC, workspace, "--branch", "main");

        assertEquals(0, run.exitCode(), run.both());
        assertEquals("# Handbook\n", Files.readString(workspace.resolve("README.md")));
        assertEquals(server.url(PUBLIC), Git.run(workspace, "config", "--get", "remote.origin.url").strip());
        assertTrue(run.stdout().contains("cloned " + server.url(PUBLIC) + " (branch main)"), run.stdout());
        DaaluSandbox.Run status = daalu.run(null, "workspace", "status");
        assertEquals(0, status.exitCode(), status.both());
        assertTrue(status.stdout().contains("repository: " + server.url(PUBLIC)), status.stdout());
        assertTrue(status.stdout().contains("branch: main"), status.stdout());
        assertTrue(status.stdout().lines().anyMatch("public"::equals), status.stdout());
    }

    @Test
    void clonesAPrivateRepositoryWithTheStoredTokenAndPersistsNoCredential() throws Exception {
        Path workspace = dir.resolve("ws");
        assertEquals(0, daalu.run(TOKEN + "\n", "workspace", "set-token").exitCode());

        DaaluSandbox.Run run = init(PRIVATE, workspace, "--branch", "release");

        assertEquals(0, run.exitCode(), run.both() + server.backendErrors());
        assertEquals("replicas: 2\n", Files.readString(workspace.resolve("charts/app/values.yaml")));
        // B34's post-conditions
        assertEquals(server.url(PRIVATE), Git.run(workspace, "config", "--get", "remote.origin.url").strip());
        assertEquals(1, Git.result(workspace, Map.of("HOME", daalu.home.toString()),
                "config", "--get-all", "credential.helper").exitCode(), "no credential helper is persisted");
        SecretScan scan = new SecretScan(TOKEN, "x-access-token");
        List<String> leaks = scan.inFiles(workspace, daalu.home, daalu.tmp, daalu.state, daalu.logs);
        assertEquals(List.of(), leaks);
        assertEquals(List.of(), scan.inText("daalu's output", run.both()));
        assertEquals(List.of(), scan.inText("git's argv and environment", daalu.gitLog()));
        assertFalse(Files.exists(daalu.home.resolve("git-trace.log")), "GIT_TRACE reached git");
        assertFalse(Files.exists(daalu.home.resolve("git-trace-curl.log")), "GIT_TRACE_CURL reached git");
        assertNoHelperSocketLeft();
        DaaluSandbox.Run status = daalu.run(null, "workspace", "status");
        assertTrue(status.stdout().lines().anyMatch("private: a token is stored"::equals), status.stdout());
        assertEquals(List.of(), scan.inText("status", status.both()));

        // ... and a later fetch without daalu's helper cannot authenticate: nothing was stored for it to reuse
        Git.Result fetch = Git.result(workspace, Map.of("HOME", daalu.home.toString(),
                "GIT_SSL_CAINFO", server.caFile().toString()), "fetch", "origin");
        assertNotEquals(0, fetch.exitCode(), fetch.output());
        assertTrue(fetch.output().contains("terminal prompts disabled") || fetch.output().contains("Authentication failed"),
                fetch.output());
    }

    @Test
    void runsGitWithACleanEnvironmentAndNoSecretInItsArgv() throws Exception {
        assertEquals(0, daalu.run(TOKEN + "\n", "workspace", "set-token").exitCode());

        DaaluSandbox.Run run = init(PRIVATE, dir.resolve("ws"));

        assertEquals(0, run.exitCode(), run.both());
        String log = daalu.gitLog();
        List<String> clones = log.lines().filter(line -> line.startsWith("argv:") && line.contains("<clone>")).toList();
        assertEquals(1, clones.size(), log);
        String clone = clones.get(0);
        assertTrue(clone.contains("<credential.helper=>"), "user helpers are reset first: " + clone);
        assertTrue(clone.contains("<credential.useHttpPath=true>"), clone);
        assertTrue(clone.contains("CredentialRelay"), clone);
        assertTrue(clone.contains("<--> <" + server.url(PRIVATE) + ">"), clone);
        for (String variable : List.of("GIT_TRACE", "GIT_TRACE_CURL", "GIT_TRACE_REDACT", "GIT_CURL_VERBOSE",
                "GIT_ASKPASS", "DAALU_TOKEN_KEY_FILE")) {
            assertFalse(log.contains("env: " + variable + "="), variable + " reached git");
        }
        assertTrue(log.contains("env: GIT_TERMINAL_PROMPT=0"), log);
    }

    @Test
    void aWrongTokenFailsClearlyAndLeavesNothingBehind() throws Exception {
        String wrong = "TESTTOKEN-WRONG-9999999999999999";
        assertEquals(0, daalu.run(wrong + "\n", "workspace", "set-token").exitCode());
        Path missing = dir.resolve("new-ws");
        Path empty = Files.createDirectories(dir.resolve("empty-ws"));

        DaaluSandbox.Run intoMissing = init(PRIVATE, missing);
        DaaluSandbox.Run intoEmpty = init(PRIVATE, empty);

        for (DaaluSandbox.Run run : List.of(intoMissing, intoEmpty)) {
            assertEquals(1, run.exitCode(), run.both());
            assertTrue(run.stderr().contains("could not clone " + server.url(PRIVATE)), run.stderr());
            assertTrue(run.stderr().contains("Authentication failed"), "git's own message: " + run.stderr());
            assertFalse(run.stderr().contains("Exception"), run.stderr());
            assertEquals(List.of(), new SecretScan(wrong, "x-access-token").inText("output", run.both()));
        }
        assertFalse(Files.exists(missing), "a workspace it created is removed again");
        try (Stream<Path> left = Files.list(empty)) {
            assertEquals(List.of(), left.toList(), "the empty workspace stays empty");
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("daalu-seed")));
        }
        assertNoHelperSocketLeft();
    }

    @Test
    void leavesANonEmptyWorkspaceUntouched() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(workspace.resolve("notes.md"), "mine\n");
        int before = server.requests().size();

        DaaluSandbox.Run run = init(PUBLIC, workspace);

        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.stdout().contains("not empty") && run.stdout().contains("untouched"), run.stdout());
        try (Stream<Path> entries = Files.list(workspace)) {
            assertEquals(List.of(workspace.resolve("notes.md")), entries.toList());
        }
        assertEquals("mine\n", Files.readString(workspace.resolve("notes.md")));
        assertEquals(before, server.requests().size(), "the server was never asked");
    }

    @Test
    void withoutARepositoryTheWorkspaceStartsEmpty() throws Exception {
        Path workspace = dir.resolve("fresh");

        DaaluSandbox.Run run = daalu.run(null, "workspace", "init", "--dir", workspace.toString());

        assertEquals(0, run.exitCode(), run.both());
        assertTrue(Files.isDirectory(workspace));
        try (Stream<Path> entries = Files.list(workspace)) {
            assertEquals(0, entries.count());
        }
        assertTrue(daalu.run(null, "workspace", "status").stdout().contains("repository: none (the workspace started empty)"));
    }

    @Test
    void refusesAGitOlderThan2_26_1() throws Exception {
        daalu.replaceGit("#!/bin/sh\necho 'git version 2.25.0'\n");

        DaaluSandbox.Run run = init(PUBLIC, dir.resolve("ws"));

        assertEquals(1, run.exitCode(), run.both());
        assertTrue(run.stderr().contains("git 2.25.0 is too old") && run.stderr().contains("2.26.1")
                && run.stderr().contains("CVE-2020-5260"), run.stderr());
        assertFalse(Files.exists(dir.resolve("ws")));
    }

    @Test
    void keepsTheTokenEncryptedAtRestInPrivateFiles() throws Exception {
        DaaluSandbox.Run run = daalu.run(TOKEN + "\n", "workspace", "set-token");

        assertEquals(0, run.exitCode(), run.both());
        Path tokenFile = daalu.state.resolve("daalu/token.fernet");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile.getParent())));
        assertTrue(Files.readString(tokenFile).startsWith("gAAAAA"), "a Fernet token");
        SecretScan scan = new SecretScan(TOKEN, "x-access-token");
        assertEquals(List.of(), scan.inFiles(daalu.state, daalu.home, daalu.tmp));
        assertEquals(List.of(), scan.inText("set-token output", run.both()));
    }

    private DaaluSandbox.Run init(String repository, Path workspace, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("workspace", "init", "--repo", server.url(repository),
                "--dir", workspace.toString(), "--ca-file", server.caFile().toString()));
        args.addAll(List.of(more));
        return daalu.run(null, args.toArray(String[]::new));
    }

    private void assertNoHelperSocketLeft() throws Exception {
        try (Stream<Path> left = Files.list(daalu.tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("daalu-credential-")).toList());
        }
    }
}
