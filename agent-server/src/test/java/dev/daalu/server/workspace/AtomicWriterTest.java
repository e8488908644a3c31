package dev.daalu.server.workspace;

import dev.daalu.server.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicWriterTest {

    @TempDir
    Path temp;

    @Test
    void keepsTheModeOfExecutableAndPrivateFilesAsInCaseB24() throws Exception {
        Cases.runScript("B24-exec-bit-setup.sh", temp);
        AtomicWriter writer = new AtomicWriter(temp.resolve("state/journal"));
        Path script = temp.resolve("ws/scripts/build.sh");
        Path config = temp.resolve("ws/private.cfg");

        writer.write(script, "#!/bin/sh\necho new\n".getBytes(StandardCharsets.UTF_8));
        writer.write(config, "secret=2\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        Process run = new ProcessBuilder(script.toString()).start();
        assertEquals("new\n", new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("secret=2\n", Files.readString(config));
    }

    @Test
    void createsParentDirectoriesAndLeavesNoTemporaryFiles() throws IOException {
        AtomicWriter writer = new AtomicWriter(temp.resolve("state/journal"));
        Path target = temp.resolve("ws/modules/s3/main.tf");

        writer.write(target, "resource \"aws_s3_bucket\" \"logs\" {}\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("resource \"aws_s3_bucket\" \"logs\" {}\n", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
        assertFalse(Files.exists(temp.resolve("state/journal")), "journal is empty once the write is done");
    }

    @Test
    void writesThroughALinkInsteadOfReplacingIt() throws IOException {
        Path real = Files.writeString(Files.createDirectories(temp.resolve("ws/modules")).resolve("main.tf"), "old\n");
        Path link = Files.createSymbolicLink(temp.resolve("ws/main.tf"), Path.of("modules/main.tf"));

        new AtomicWriter(temp.resolve("journal")).write(link, "new\n".getBytes(StandardCharsets.UTF_8));

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
    }

    @Test
    void aFailedWriteLeavesTheFileAsItWasAndSaysWhy() throws IOException {
        Path target = Files.writeString(temp.resolve("main.tf"), "original\n");
        Path blocked = temp.resolve("main.tf/child.tf");

        IOException e = assertThrows(IOException.class,
                () -> new AtomicWriter(temp.resolve("journal")).write(blocked, "x".getBytes(StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().startsWith("not written"), e.getMessage());
        assertEquals("original\n", Files.readString(target));
    }

    @Test
    void aKilledWriteLeavesTheOldOrTheNewContentAndItsTempFileIsCleanedAtTheNextStart() throws Exception {
        Path ws = Files.createDirectories(temp.resolve("ws"));
        Path big = Files.writeString(ws.resolve("big.txt"), "ORIGINAL-CONTENT-B26\n");
        Path journal = temp.resolve("state/writes.journal");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                BigWriter.class.getName(), journal.toString(), big.toString())
                .redirectErrorStream(true).start();
        // the child prints "writing" just before it starts the write of ~72 MB (B26), then we kill -9 it
        byte[] started = child.getInputStream().readNBytes(8);
        assertEquals("writing\n", new String(started, StandardCharsets.UTF_8));
        new ProcessBuilder("kill", "-9", String.valueOf(child.pid())).start().waitFor(10, TimeUnit.SECONDS);
        child.waitFor(30, TimeUnit.SECONDS);

        byte[] now = Files.readAllBytes(big);
        boolean old = new String(now, StandardCharsets.UTF_8).equals("ORIGINAL-CONTENT-B26\n");
        assertTrue(old || Arrays.equals(now, BigWriter.content()), "old or complete new content, never partial");

        int removed = new AtomicWriter(journal).cleanLeftovers();
        try (Stream<Path> files = Files.list(ws)) {
            assertEquals(List.of(big), files.toList(), "no temporary file left after the next start");
        }
        assertTrue(removed <= 1);
    }

    @Test
    void cleanLeftoversRemovesOnlyJournaledTemporaryFiles() throws IOException {
        Path ws = Files.createDirectories(temp.resolve("ws"));
        Path leftover = Files.writeString(ws.resolve(AtomicWriter.TEMP_PREFIX + "abc" + AtomicWriter.TEMP_SUFFIX), "partial");
        Path innocent = Files.writeString(ws.resolve("notes.tmp"), "mine");
        Path journal = temp.resolve("journal");
        Files.write(journal, List.of(leftover.toString(), innocent.toString()));

        assertEquals(1, new AtomicWriter(journal).cleanLeftovers());

        assertFalse(Files.exists(leftover));
        assertArrayEquals("mine".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(innocent));
    }

    /** Writes B26's ~72 MB of new content, announcing the start on stdout. */
    public static final class BigWriter {
        static byte[] content() {
            return "B26-NEW-LINE-0123456789\n".repeat(3_000_000).getBytes(StandardCharsets.UTF_8);
        }

        public static void main(String[] args) throws IOException {
            byte[] content = content();
            AtomicWriter writer = new AtomicWriter(Path.of(args[0]));
            System.out.print("writing\n");
            System.out.flush();
            for (int i = 0; i < 50; i++) {
                writer.write(Path.of(args[1]), content);
            }
        }
    }
}
