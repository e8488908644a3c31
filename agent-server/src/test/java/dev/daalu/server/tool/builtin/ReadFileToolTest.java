package dev.daalu.server.tool.builtin;

import dev.daalu.server.Cases;
import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.tool.OutputLimits;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolFixture;
import dev.daalu.server.tool.ToolResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadFileToolTest {

    @TempDir
    Path temp;

    private ToolFixture fixture;
    private final ReadFileTool read = new ReadFileTool();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ToolFixture(temp);
    }

    @Test
    void returnsNumberedLines() throws Exception {
        fixture.write("main.tf", "a\r\nb\r\n");

        assertEquals("1\ta\n2\tb\n", fixture.run(read, "{\"path\":\"main.tf\"}").output());
    }

    @Test
    void aLongFileOnTheSmallModelComesBackAsAWindowWithDirectionsToReadOn() throws Exception {
        fixture.write("big.py", IntStream.rangeClosed(1, 2000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));
        OutputLimits small = OutputLimits.forContextWindow(8192);

        ToolResult result = fixture.prepare(read, "{\"path\":\"big.py\"}", fixture.context.withLimits(small)).run(null);

        assertTrue(result.truncated());
        String last = "[showing lines 1-" + small.maxReadLines() + " of 2000 in big.py; call read_file with start_line="
                + (small.maxReadLines() + 1) + " to read on]\n";
        assertTrue(result.output().endsWith(last), result.output().substring(result.output().length() - 120));
        assertTrue(result.output().length() <= small.maxOutputChars() + last.length());
    }

    @Test
    void readsTheRequestedRange() throws Exception {
        fixture.write("f.txt", "1\n2\n3\n4\n5\n");

        assertEquals("2\t2\n3\t3\n[lines 2-3 of 5]\n", fixture.run(read, "{\"path\":\"f.txt\",\"start_line\":2,\"end_line\":3}").output());
    }

    @Test
    void describesABinaryFileInsteadOfReturningItsBytesAsInCaseB22() throws Exception {
        Cases.copy("B22-leading-nul.js", fixture.root, "font.js");

        String output = fixture.run(read, "{\"path\":\"font.js\"}").output();

        assertTrue(output.startsWith("'font.js' is a binary file, "), output);
        assertTrue(!output.contains("B22-NEEDLE"));
    }

    @Test
    void returnsReadableTextForEveryEncodingOfCaseB17() throws Exception {
        Cases.copy("B17-utf16le-bom.py", fixture.root, "a.py");
        Cases.copy("B17-utf8-bom.java", fixture.root, "B.java");
        Cases.copy("B17-invalid-utf8.js", fixture.root, "c.js");

        assertTrue(fixture.run(read, "{\"path\":\"a.py\"}").output().contains("def greet"));
        String java = fixture.run(read, "{\"path\":\"B.java\"}").output();
        assertTrue(java.contains("class BomFirst") && !java.contains("\uFEFF"), java);
        assertTrue(fixture.run(read, "{\"path\":\"c.js\"}").output().contains("2\tfunction legacyFn"));
    }

    @Test
    void aSecretFileIsReadOnlyAfterApprovalAsInCaseB16() throws Exception {
        Cases.runScript("B16-secret-files-setup.sh", temp);

        ApprovalPreview preview = fixture.prepare(read, "{\"path\":\".env\"}").preview();
        assertEquals(ApprovalPreview.Kind.READ, preview.kind());
        assertEquals("Read secret file .env", preview.summary());
        assertEquals(ApprovalPreview.Kind.READ, fixture.prepare(read, "{\"path\":\"config/deploy_id_rsa\"}").preview().kind());
        assertNull(fixture.prepare(read, "{\"path\":\"src/Main.java\"}").preview());
    }

    @Test
    void aLinkInsideTheWorkspaceToASecretFileIsStillASecretRead() throws Exception {
        fixture.write("secrets/prod.env", "DB_PASSWORD=hunter2\n");
        fixture.write(".kube/config", "token: abc\n");
        Files.createSymbolicLink(fixture.root.resolve("innocent.txt"), Path.of("secrets/prod.env"));
        Files.createSymbolicLink(fixture.root.resolve("kubelink"), Path.of(".kube"));

        assertEquals(ApprovalPreview.Kind.READ, fixture.prepare(read, "{\"path\":\"innocent.txt\"}").preview().kind());
        assertEquals(ApprovalPreview.Kind.READ, fixture.prepare(read, "{\"path\":\"kubelink/config\"}").preview().kind());
    }

    @Test
    void explainsMissingFilesDirectoriesAndBadRanges() throws Exception {
        fixture.write("f.txt", "1\n");

        assertTrue(assertThrows(ToolException.class, () -> fixture.prepare(read, "{\"path\":\"nope.txt\"}"))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(ToolException.class, () -> fixture.prepare(read, "{\"path\":\".\"}"))
                .getMessage().contains("use list_dir"));
        assertTrue(assertThrows(ToolException.class, () -> fixture.prepare(read, "{\"path\":\"f.txt\",\"start_line\":3,\"end_line\":2}"))
                .getMessage().contains("before start_line"));
        assertTrue(assertThrows(ToolException.class, () -> fixture.run(read, "{\"path\":\"f.txt\",\"start_line\":9}"))
                .getMessage().contains("past the end"));
        assertTrue(assertThrows(ToolException.class, () -> fixture.prepare(read, "{\"path\":\"f.txt\",\"start_line\":\"ten\"}"))
                .getMessage().contains("must be an integer"));
    }
}
