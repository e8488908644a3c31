package dev.daalu.server.tool.builtin;

import com.google.gson.JsonElement;
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

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandToolTest {

    @TempDir
    Path temp;

    private ToolFixture fixture;
    private final RunCommandTool run = new RunCommandTool();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ToolFixture(temp);
    }

    @Test
    void everyChainedCommandOfCaseB11NeedsApprovalOfItsFullTextAndNothingRunsBeforeIt() throws Exception {
        for (JsonElement element : JsonParser.parseString(Cases.text("B11-chained-after-allowlisted-prefix.json"))
                .getAsJsonObject().getAsJsonArray("model_tool_calls")) {
            String arguments = element.getAsJsonObject().getAsJsonObject("function").get("arguments").getAsString();
            String command = JsonParser.parseString(arguments).getAsJsonObject().get("command").getAsString();

            Prepared prepared = fixture.prepare(run, arguments);

            assertNotNull(prepared.preview(), command);
            assertEquals(ApprovalPreview.Kind.COMMAND, prepared.preview().kind());
            assertEquals(command, prepared.preview().command());
            assertEquals(".", prepared.preview().cwd());
        }
        try (var canaries = Files.list(Path.of("/tmp"))) {
            assertFalse(canaries.anyMatch(p -> p.getFileName().toString().startsWith("agent_canary_B11_")));
        }
    }

    @Test
    void reportsTheExitCodeAndOutputOfAnApprovedCommand() throws Exception {
        Files.createDirectories(fixture.root.resolve("modules"));

        String output = fixture.run(run, "{\"command\":\"pwd; echo oops >&2; exit 2\",\"cwd\":\"modules\"}").output();

        assertTrue(output.startsWith("Exit code 2 ("), output);
        assertTrue(output.contains(fixture.root.toRealPath().resolve("modules") + "\n"), output);
        assertTrue(output.contains("oops\n"), output);
        assertEquals(1, fixture.commandsRan);
    }

    @Test
    void aTimedOutCommandSaysItWasKilled() throws Exception {
        // the timeout leaves a login shell on a loaded machine ample time to print before it is killed
        String output = fixture.prepare(run, "{\"command\":\"echo partial; sleep 60\",\"timeout_s\":5}")
                .run(CancelToken.none()).output();

        assertTrue(output.startsWith("Timed out after 5 s; the command and every process it started were killed.\npartial\n"), output);
    }

    @Test
    void refusesACwdOutsideTheWorkspaceOrMissing() {
        assertThrows(ToolException.class, () -> fixture.prepare(run, "{\"command\":\"ls\",\"cwd\":\"..\"}"));
        assertThrows(ToolException.class, () -> fixture.prepare(run, "{\"command\":\"ls\",\"cwd\":\"nope\"}"));
        assertThrows(ToolException.class, () -> fixture.prepare(run, "{\"command\":\"  \"}"));
        assertThrows(ToolException.class, () -> fixture.prepare(run, "{\"command\":\"ls\",\"timeout_s\":0}"));
    }
}
