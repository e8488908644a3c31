package dev.daalu.server.tool.builtin;

import dev.daalu.server.Cases;
import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolFixture;
import dev.daalu.server.tool.ToolResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteFileToolTest {

    @TempDir
    Path temp;

    private ToolFixture fixture;
    private final WriteFileTool write = new WriteFileTool();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ToolFixture(temp);
    }

    @Test
    void aNewFileIsPreviewedAsAllAdditionsAndCreatedWithItsDirectories() throws Exception {
        Prepared prepared = fixture.prepare(write, "{\"path\":\"modules/s3/lifecycle.tf\",\"content\":\"a\\nb\\n\"}");

        ApprovalPreview preview = prepared.preview();
        assertTrue(preview.newFile());
        assertEquals("Create modules/s3/lifecycle.tf (2 lines)", preview.summary());
        assertEquals("--- /dev/null\n+++ b/modules/s3/lifecycle.tf\n@@ -0,0 +1,2 @@\n+a\n+b\n", preview.diff());
        assertEquals("a\nb\n", preview.proposedContent());
        assertFalse(Files.exists(fixture.root.resolve("modules")), "nothing is created before it runs");

        ToolResult result = prepared.run(CancelToken.none());

        assertEquals("Created modules/s3/lifecycle.tf (+2 -0 lines).", result.output());
        assertEquals("a\nb\n", Files.readString(fixture.root.resolve("modules/s3/lifecycle.tf")));
        assertEquals(List.of(fixture.root.toRealPath().resolve("modules/s3/lifecycle.tf")), fixture.changed);
    }

    @Test
    void keepsModesAsInCaseB24() throws Exception {
        Cases.runScript("B24-exec-bit-setup.sh", temp);

        fixture.run(write, "{\"path\":\"scripts/build.sh\",\"content\":\"#!/bin/sh\\necho new\\n\"}");
        fixture.run(write, "{\"path\":\"private.cfg\",\"content\":\"secret=2\\n\"}");

        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(fixture.root.resolve("scripts/build.sh"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fixture.root.resolve("private.cfg"))));
    }

    @Test
    void keepsTheTrailingNewlineStateOfAnExistingFile() throws Exception {
        Path file = Files.writeString(fixture.root.resolve("VERSION"), "1.0");

        fixture.run(write, "{\"path\":\"VERSION\",\"content\":\"1.1\\n\"}");

        assertEquals("1.1", Files.readString(file));
    }

    @Test
    void refusesToWriteWhenTheFileChangedAfterThePreview() throws Exception {
        Path file = fixture.write("main.tf", "old\n");
        Prepared prepared = fixture.prepare(write, "{\"path\":\"main.tf\",\"content\":\"new\\n\"}");
        Files.writeString(file, "edited by the user meanwhile\n");

        ToolException e = assertThrows(ToolException.class, () -> prepared.run(CancelToken.none()));

        assertTrue(e.getMessage().contains("changed after this change was shown"), e.getMessage());
        assertEquals("edited by the user meanwhile\n", Files.readString(file));
    }

    @Test
    void identicalContentNeedsNoApprovalAndWritesNothing() throws Exception {
        fixture.write("main.tf", "same\n");

        Prepared prepared = fixture.prepare(write, "{\"path\":\"main.tf\",\"content\":\"same\\n\"}");

        assertNull(prepared.preview());
        assertEquals("'main.tf' already has this content; nothing was written.", prepared.run(CancelToken.none()).output());
    }

    @Test
    void refusesEscapesBeforeAnyPreviewAsInCaseB13() throws Exception {
        Cases.runScript("B13-symlink-escape-setup.sh", temp);

        for (String path : List.of("dangling.txt", "src/vendor/planted.txt", "../outside/x.txt", ".git/config")) {
            assertThrows(ToolException.class, () -> fixture.prepare(write, "{\"path\":\"" + path + "\",\"content\":\"x\"}"), path);
        }
        try (var files = Files.list(temp.resolve("outside"))) {
            assertEquals(List.of(temp.resolve("outside/secret.txt")), files.toList());
        }
    }

    @Test
    void refusesABinaryFileAndADirectory() throws Exception {
        Cases.copy("B22-leading-nul.js", fixture.root, "font.js");
        Files.createDirectories(fixture.root.resolve("modules"));

        assertThrows(ToolException.class, () -> fixture.prepare(write, "{\"path\":\"font.js\",\"content\":\"x\"}"));
        assertThrows(ToolException.class, () -> fixture.prepare(write, "{\"path\":\"modules\",\"content\":\"x\"}"));
    }
}
