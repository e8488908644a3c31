package dev.daalu.server.tool.builtin;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.server.Cases;
import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditFileToolTest {

    @TempDir
    Path temp;

    private ToolFixture fixture;
    private final EditFileTool edit = new EditFileTool();
    private final WriteFileTool write = new WriteFileTool();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ToolFixture(temp);
    }

    @Test
    void producesTheExactBytesOfEveryCaseB23Edit() throws Exception {
        JsonObject spec = JsonParser.parseString(Cases.text("B23-edit.json")).getAsJsonObject();
        int n = 0;
        for (JsonElement element : spec.getAsJsonArray("cases")) {
            JsonObject edit = element.getAsJsonObject();
            String file = "case" + (n++) + ".txt";
            Cases.copy(edit.get("file").getAsString(), fixture.root, file);
            JsonObject args = new JsonObject();
            args.addProperty("path", file);
            Prepared prepared;
            if (edit.has("write_file_full_content")) {
                args.addProperty("content", edit.get("write_file_full_content").getAsString());
                prepared = fixture.prepare(write, args.toString());
            } else {
                args.addProperty("old_text", edit.get("replace_old").getAsString());
                args.addProperty("new_text", edit.get("replace_new").getAsString());
                prepared = fixture.prepare(this.edit, args.toString());
            }
            prepared.run(CancelToken.none());

            assertEquals(edit.get("expected_bytes_hex").getAsString(),
                    HexFormat.of().formatHex(Files.readAllBytes(fixture.root.resolve(file))), file + ": " + edit);
        }
    }

    @Test
    void theApprovalDiffShowsOnlyTheLinesThatChangeInACrlfFile() throws Exception {
        Cases.copy("B23-crlf.txt", fixture.root, "crlf.txt");

        ApprovalPreview preview = fixture.prepare(edit, "{\"path\":\"crlf.txt\",\"old_text\":\"b = 2\",\"new_text\":\"b = 22\"}").preview();

        assertEquals(ApprovalPreview.Kind.WRITE, preview.kind());
        assertEquals("--- a/crlf.txt\n+++ b/crlf.txt\n@@ -1,3 +1,3 @@\n a = 1\n-b = 2\n+b = 22\n c = 3\n", preview.diff());
        assertEquals("Edit crlf.txt (+1 -1)", preview.summary());
    }

    @Test
    void nothingChangesBeforeTheEditRuns() throws Exception {
        Path file = fixture.write("main.tf", "bucket = \"logs\"\n");

        fixture.prepare(edit, "{\"path\":\"main.tf\",\"old_text\":\"logs\",\"new_text\":\"audit\"}");

        assertEquals("bucket = \"logs\"\n", Files.readString(file));
    }

    @Test
    void failsWithTheNearestCandidatesWhenOldTextIsNotFound() throws Exception {
        fixture.write("main.tf", "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"my-logs\"\n}\n");

        ToolException e = assertThrows(ToolException.class, () -> fixture.prepare(edit,
                "{\"path\":\"main.tf\",\"old_text\":\"bucket = \\\"my_logs\\\"\",\"new_text\":\"x\"}"));

        assertTrue(e.getMessage().startsWith("old_text was not found in main.tf."), e.getMessage());
        assertTrue(e.getMessage().contains("2: bucket = \"my-logs\""), e.getMessage());
    }

    @Test
    void pointsAtTheRightLinesWhenOnlyIndentationDiffers() throws Exception {
        fixture.write("main.py", "def f():\n    return 1\n");

        ToolException e = assertThrows(ToolException.class, () -> fixture.prepare(edit,
                "{\"path\":\"main.py\",\"old_text\":\"def f():\\n  return 1\",\"new_text\":\"x\"}"));

        assertTrue(e.getMessage().contains("matches lines 1-2 if whitespace is ignored"), e.getMessage());
    }

    @Test
    void failsWithTheLinesOfEachOccurrenceWhenOldTextIsAmbiguous() throws Exception {
        fixture.write("values.yaml", "a:\n  tag: latest\nb:\n  tag: latest\n");

        ToolException e = assertThrows(ToolException.class, () -> fixture.prepare(edit,
                "{\"path\":\"values.yaml\",\"old_text\":\"tag: latest\",\"new_text\":\"tag: v2\"}"));

        assertEquals("old_text occurs 2 times in values.yaml (lines 2, 4); include more surrounding lines to make it "
                + "unique, or set replace_all=true.", e.getMessage());
    }

    @Test
    void replaceAllChangesEveryOccurrence() throws Exception {
        Path file = fixture.write("values.yaml", "a:\n  tag: latest\nb:\n  tag: latest\n");

        fixture.run(edit, "{\"path\":\"values.yaml\",\"old_text\":\"tag: latest\",\"new_text\":\"tag: v2\",\"replace_all\":true}");

        assertEquals("a:\n  tag: v2\nb:\n  tag: v2\n", Files.readString(file));
    }

    @Test
    void keepsAUtf8ByteOrderMarkAndUtf16Encoding() throws Exception {
        Cases.copy("B17-utf8-bom.java", fixture.root, "Bom.java");
        Cases.copy("B17-utf16le-bom.py", fixture.root, "greet.py");

        fixture.run(edit, "{\"path\":\"Bom.java\",\"old_text\":\"BomFirst\",\"new_text\":\"BomSecond\"}");
        fixture.run(edit, "{\"path\":\"greet.py\",\"old_text\":\"def greet\",\"new_text\":\"def welcome\"}");

        byte[] java = Files.readAllBytes(fixture.root.resolve("Bom.java"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java_head(java, 3));
        assertTrue(new String(java, StandardCharsets.UTF_8).contains("BomSecond"));
        byte[] python = Files.readAllBytes(fixture.root.resolve("greet.py"));
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFE}, java_head(python, 2));
        assertTrue(new String(python, 2, python.length - 2, StandardCharsets.UTF_16LE).contains("def welcome"));
    }

    @Test
    void leavesInvalidUtf8BytesOfUntouchedLinesExactlyAsTheyWere() throws Exception {
        Path file = Cases.copy("B17-invalid-utf8.js", fixture.root, "legacy.js");
        byte[] before = Files.readAllBytes(file);

        fixture.run(edit, "{\"path\":\"legacy.js\",\"old_text\":\"legacyFn\",\"new_text\":\"modernFn\",\"replace_all\":true}");

        byte[] after = Files.readAllBytes(file);
        assertEquals(before.length, after.length, "same length: only the identifier changed");
        assertEquals(new String(before, StandardCharsets.ISO_8859_1).replace("legacyFn", "modernFn"),
                new String(after, StandardCharsets.ISO_8859_1));
    }

    @Test
    void refusesAMissingFileAndPointsToWriteFile() throws Exception {
        ToolException e = assertThrows(ToolException.class,
                () -> fixture.prepare(edit, "{\"path\":\"new.tf\",\"old_text\":\"a\",\"new_text\":\"b\"}"));

        assertTrue(e.getMessage().contains("use write_file"), e.getMessage());
    }

    private static byte[] java_head(byte[] bytes, int n) {
        return java.util.Arrays.copyOf(bytes, n);
    }
}
