package dev.daalu.server.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitCliTest {

    private final GitCli git = new GitCli("git", System.getenv());

    @TempDir
    Path dir;

    @Test
    void dropsWhatWouldPrintOrPersistCredentialsFromGitsEnvironment() {
        Map<String, String> env = GitCli.childEnvironment(Map.ofEntries(
                Map.entry("PATH", "/usr/bin"), Map.entry("HOME", "/home/u"), Map.entry("GIT_SSL_CAINFO", "/ca.pem"),
                Map.entry("GIT_TRACE", "1"), Map.entry("GIT_TRACE_CURL", "/tmp/t"), Map.entry("GIT_TRACE_PACKET", "1"),
                Map.entry("GIT_TRACE_REDACT", "0"), Map.entry("GIT_CURL_VERBOSE", "1"), Map.entry("GIT_ASKPASS", "/a"),
                Map.entry("SSH_ASKPASS", "/a"), Map.entry("GIT_SSL_NO_VERIFY", "1"), Map.entry("GIT_DIR", "/x"),
                Map.entry("GIT_CONFIG_PARAMETERS", "'credential.helper'='store'"), Map.entry("GIT_CONFIG_COUNT", "1"),
                Map.entry("GIT_CONFIG_KEY_0", "http.extraheader"), Map.entry("GIT_CONFIG_VALUE_0", "Authorization: x"),
                Map.entry("DAALU_TOKEN_KEY_FILE", "/run/secrets/key"), Map.entry("GIT_TERMINAL_PROMPT", "1")));

        assertEquals(Map.of("PATH", "/usr/bin", "HOME", "/home/u", "GIT_SSL_CAINFO", "/ca.pem",
                "GIT_TERMINAL_PROMPT", "0"), env);
    }

    @Test
    void acceptsThisMachinesGit() throws SeedingException {
        assertTrue(git.requireSupportedVersion().isAtLeast(GitVersion.MINIMUM));
    }

    @Test
    void refusesAGitOlderThan2_26_1() throws Exception {
        SeedingException e = assertThrows(SeedingException.class,
                () -> new GitCli(fakeGit("echo 'git version 2.26.0'").toString(), Map.of()).requireSupportedVersion());

        assertEquals(SeedingException.Reason.GIT_UNUSABLE, e.reason());
        assertTrue(e.getMessage().contains("git 2.26.0 is too old") && e.getMessage().contains("CVE-2020-11008"),
                e.getMessage());
    }

    @Test
    void saysWhenGitIsMissingOrUnreadable() throws Exception {
        SeedingException missing = assertThrows(SeedingException.class,
                () -> new GitCli(dir.resolve("no-git").toString(), Map.of()).requireSupportedVersion());
        SeedingException garbled = assertThrows(SeedingException.class,
                () -> new GitCli(fakeGit("echo hello").toString(), Map.of()).requireSupportedVersion());

        assertEquals(SeedingException.Reason.GIT_UNUSABLE, missing.reason());
        assertTrue(missing.getMessage().contains("install git 2.26.1 or newer"), missing.getMessage());
        assertTrue(garbled.getMessage().contains("could not tell git's version"), garbled.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "release/2025.10", "feature/JIRA-12_fix", "v1.2.3"})
    void acceptsBranchNames(String branch) throws SeedingException {
        git.requireBranchName(branch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-b", "--upload-pack=touch /tmp/pwned", "", "a..b", "a b", "a~1", "a^", "a:b", "a\\b",
            "refs/heads/x.lock", "@{-1}", "x/", "a\nb", "a\u0000b", "a?b", "a*b", "a[b"})
    void refusesOptionLikeOrInvalidBranchNames(String branch) {
        SeedingException e = assertThrows(SeedingException.class, () -> git.requireBranchName(branch));

        assertEquals(SeedingException.Reason.REFUSED_INPUT, e.reason());
    }

    @Test
    void killsAGitThatRunsPastItsTimeout() throws Exception {
        GitCli slow = new GitCli(fakeGit("exec sleep 60").toString(), Map.of());

        GitCli.Result result = slow.run(List.of("clone"), dir, Duration.ofMillis(200));

        assertTrue(result.timedOut());
        assertFalse(result.succeeded());
    }

    private Path fakeGit(String body) throws Exception {
        Path script = dir.resolve("git");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
