package dev.daalu.server.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagingDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void commitMovesTheStagedEntriesIntoTheWorkspace() throws Exception {
        Path workspace = dir.resolve("ws");
        try (StagingDirectory staging = StagingDirectory.create(workspace)) {
            Files.createDirectories(staging.path().resolve(".git/objects"));
            Files.writeString(staging.path().resolve("main.tf"), "x\n");
            Files.createDirectories(staging.path().resolve("charts/app"));

            staging.commit();
        }

        assertEquals(List.of(".git", "charts", "main.tf"), names(workspace));
        assertEquals("x\n", Files.readString(workspace.resolve("main.tf")));
    }

    @Test
    void closeWithoutCommitRemovesAWorkspaceItCreated() throws Exception {
        Path workspace = dir.resolve("ws");
        try (StagingDirectory staging = StagingDirectory.create(workspace)) {
            Files.writeString(staging.path().resolve("half-cloned"), "x");
        }

        assertFalse(Files.exists(workspace));
    }

    @Test
    void closeWithoutCommitLeavesAnExistingWorkspaceAsEmptyAsItWas() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        try (StagingDirectory staging = StagingDirectory.create(workspace)) {
            Files.createDirectories(staging.path().resolve(".git"));
        }

        assertEquals(List.of(), names(workspace));
    }

    @Test
    void aFailedCommitTakesBackWhatItMoved() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.createDirectories(workspace.resolve("lost+found/kept"));
        try (StagingDirectory staging = StagingDirectory.create(workspace)) {
            Files.writeString(staging.path().resolve("a.txt"), "a");
            Files.createDirectories(staging.path().resolve("lost+found/clash"));

            assertThrows(java.io.IOException.class, staging::commit);
        }

        assertEquals(List.of("lost+found"), names(workspace));
        assertEquals(List.of("kept"), names(workspace.resolve("lost+found")));
    }

    @Test
    void aFreshVolumeAndLeftoversOfAKilledCloneCountAsEmpty() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.createDirectories(workspace.resolve("lost+found"));
        Files.createDirectories(workspace.resolve(StagingDirectory.PREFIX + "123/.git"));

        assertTrue(StagingDirectory.isEmpty(workspace));
        StagingDirectory.removeLeftovers(workspace);

        assertEquals(List.of("lost+found"), names(workspace));
        Files.writeString(workspace.resolve(".env"), "x");
        assertFalse(StagingDirectory.isEmpty(workspace));
    }

    private static List<String> names(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
