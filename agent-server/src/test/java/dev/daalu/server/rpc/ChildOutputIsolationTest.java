package dev.daalu.server.rpc;

import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.workspace.CommandResult;
import dev.daalu.server.workspace.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In stdio mode the server's stdout carries frames, so a command the agent runs must never write to it (B33): its
 * stdout and stderr must be pipes of its own, whatever the command does with file descriptors 1 and 2.
 */
class ChildOutputIsolationTest {

    @TempDir
    Path dir;

    @Test
    void aCommandsStdoutIsItsOwnPipeNotTheServers() throws Exception {
        String ours = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();

        CommandResult result = new CommandRunner(64 * 1024).run(
                "echo PLAIN-STDOUT-FROM-CHILD; printf 'Content-Length: 5\\r\\n\\r\\nhello'; echo ERR >&2; "
                        + "echo \"fd1=$(readlink /proc/$$/fd/1)\"",
                dir, Duration.ofSeconds(20), CancelToken.none());

        assertTrue(result.output().contains("PLAIN-STDOUT-FROM-CHILD"), result.output());
        assertTrue(result.output().contains("Content-Length: 5"), result.output());
        String childFd1 = result.output().lines().filter(l -> l.startsWith("fd1=")).findFirst().orElseThrow().substring(4);
        assertTrue(childFd1.startsWith("pipe:"), childFd1);
        assertNotEquals(ours, childFd1);
    }
}
