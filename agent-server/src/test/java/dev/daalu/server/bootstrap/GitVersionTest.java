package dev.daalu.server.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitVersionTest {

    @Test
    void readsTheVersionsGitBuildsPrint() {
        assertEquals(Optional.of(new GitVersion(2, 39, 5)), GitVersion.parse("git version 2.39.5\n"));
        assertEquals(Optional.of(new GitVersion(2, 45, 2)), GitVersion.parse("git version 2.45.2.windows.1"));
        assertEquals(Optional.of(new GitVersion(2, 39, 3)), GitVersion.parse("git version 2.39.3 (Apple Git-146)"));
        assertEquals(Optional.of(new GitVersion(3, 0, 0)), GitVersion.parse("git version 3.0"));
        assertEquals(Optional.empty(), GitVersion.parse("bash: git: command not found"));
        assertEquals(Optional.empty(), GitVersion.parse(null));
    }

    @Test
    void theMinimumIsTheReleaseThatFixedTheCredentialInjections() {
        assertTrue(new GitVersion(2, 26, 1).isAtLeast(GitVersion.MINIMUM));
        assertTrue(new GitVersion(2, 27, 0).isAtLeast(GitVersion.MINIMUM));
        assertTrue(new GitVersion(3, 0, 0).isAtLeast(GitVersion.MINIMUM));
        assertFalse(new GitVersion(2, 26, 0).isAtLeast(GitVersion.MINIMUM));
        assertFalse(new GitVersion(2, 25, 4).isAtLeast(GitVersion.MINIMUM));
        assertFalse(new GitVersion(1, 99, 99).isAtLeast(GitVersion.MINIMUM));
    }
}
