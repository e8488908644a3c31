package dev.daalu.e2e.agent;

import com.google.gson.JsonObject;
import dev.daalu.e2e.harness.AgentHarness;
import dev.daalu.testkit.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.daalu.e2e.harness.AgentHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent server as the editor uses it: the built jar in its own process over stdio, a scripted
 * OpenAI-compatible model server, and a real workspace on disk.
 */
class AgentTurnIT {

    @TempDir
    Path temp;

    @Test
    void aPlainAnswerStreamsToTheClientAndEndsTheTurn() throws Exception {
        try (AgentHarness agent = AgentHarness.start(temp, Step.text("The logs bucket is private and versioned."))) {
            JsonObject init = agent.initialize();
            assertEquals(AgentHarness.SERVED_MODEL, init.getAsJsonObject("model").get("servedName").getAsString());
            assertEquals("operator-override", init.getAsJsonObject("routing").get("tierKind").getAsString());

            JsonObject result = agent.send("Is the logs bucket private?");

            assertEquals("completed", result.get("outcome").getAsString());
            assertEquals("The logs bucket is private and versioned.", result.get("text").getAsString());
            assertEquals("The logs bucket is private and versioned.", agent.streamedText());
            assertTrue(agent.notifications("chat/delta").size() > 3, "streamed in pieces");
            JsonObject request = agent.modelRequests().get(0);
            assertEquals(AgentHarness.SERVED_MODEL, request.get("model").getAsString());
            assertTrue(request.get("stream").getAsBoolean());
            assertEquals("auto", request.get("tool_choice").getAsString());
        }
    }

    @Test
    void aTurnThatSearchesAndReadsThenAnswersSendsEachResultBackWithItsCallId() throws Exception {
        try (AgentHarness agent = AgentHarness.start(temp,
                Step.toolCall("search_files", json("{\"query\": \"aws_s3_bucket.logs\"}")),
                Step.toolCall("read_file", json("{\"path\": \"modules/s3/main.tf\"}")),
                Step.text("The bucket is defined in modules/s3/main.tf."))) {
            agent.write("modules/s3/main.tf", "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"acme-logs\"\n}\n");
            agent.write("main.tf", "output \"logs\" {\n  value = aws_s3_bucket.logs.arn\n}\n");
            agent.initialize();

            JsonObject result = agent.send("Where is the logs bucket?");

            assertEquals("completed", result.get("outcome").getAsString());
            List<JsonObject> calls = agent.notifications("chat/toolCall");
            List<JsonObject> results = agent.notifications("chat/toolResult");
            assertEquals(List.of("search_files", "read_file"), calls.stream().map(c -> c.get("tool").getAsString()).toList());
            assertEquals(List.of("ok", "ok"), results.stream().map(r -> r.get("status").getAsString()).toList());
            assertTrue(results.get(0).get("output").getAsString().contains("main.tf:2:11: "), results.get(0).toString());
            List<JsonObject> third = agent.messagesOf(2);
            JsonObject toolMessage = third.get(third.size() - 1);
            assertEquals("tool", toolMessage.get("role").getAsString());
            assertEquals(calls.get(1).get("callId").getAsString(), toolMessage.get("tool_call_id").getAsString());
            assertTrue(toolMessage.get("content").getAsString().contains("bucket = \"acme-logs\""));
        }
    }

    @Test
    void anApprovedWriteChangesTheFileExactly() throws Exception {
        String content = "resource \"aws_s3_bucket_lifecycle_configuration\" \"logs\" {\n  bucket = aws_s3_bucket.logs.id\n}\n";
        JsonObject args = new JsonObject();
        args.addProperty("path", "modules/s3/lifecycle.tf");
        args.addProperty("content", content);
        try (AgentHarness agent = AgentHarness.start(temp, Step.toolCall("write_file", args), Step.text("Added the rule."))) {
            List<JsonObject> asked = agent.answerApprovals("approve", null);
            agent.initialize();

            JsonObject result = agent.send("Add a lifecycle rule");

            assertEquals("completed", result.get("outcome").getAsString());
            assertEquals(content, Files.readString(agent.workspace.resolve("modules/s3/lifecycle.tf")));
            JsonObject preview = asked.get(0).getAsJsonObject("preview");
            assertEquals("write", preview.get("kind").getAsString());
            assertTrue(preview.get("newFile").getAsBoolean());
            assertTrue(preview.get("diff").getAsString().contains("+  bucket = aws_s3_bucket.logs.id"));
            assertTrue(agent.notifications("chat/toolCall").get(0).get("needsApproval").getAsBoolean());
        }
    }

    @Test
    void aDeniedWriteLeavesTheFileAndTellsTheModelWhy() throws Exception {
        try (AgentHarness agent = AgentHarness.start(temp,
                Step.toolCall("edit_file", json("{\"path\": \"main.tf\", \"old_text\": \"acme-logs\", \"new_text\": \"acme-audit\"}")),
                Step.text("Understood, I left it."))) {
            Path file = agent.write("main.tf", "bucket = \"acme-logs\"\n");
            agent.answerApprovals("deny", "the name is used by the audit team");
            agent.initialize();

            JsonObject result = agent.send("Rename the bucket");

            assertEquals("completed", result.get("outcome").getAsString());
            assertEquals("bucket = \"acme-logs\"\n", Files.readString(file));
            assertEquals("denied", agent.notifications("chat/toolResult").get(0).get("status").getAsString());
            List<JsonObject> second = agent.messagesOf(1);
            String told = second.get(second.size() - 1).get("content").getAsString();
            assertTrue(told.contains("The user denied this file change") && told.contains("the name is used by the audit team"), told);
        }
    }

    @Test
    void anApprovedCommandReturnsItsOutputAndExitCode() throws Exception {
        try (AgentHarness agent = AgentHarness.start(temp,
                Step.toolCall("run_command", json("{\"command\": \"echo validated; exit 3\"}")),
                Step.text("Validation failed with exit code 3."))) {
            agent.answerApprovals("approve", null);
            agent.initialize();

            agent.send("Run the validation");

            String output = agent.notifications("chat/toolResult").get(0).get("output").getAsString();
            assertTrue(output.startsWith("Exit code 3 (") && output.contains("validated\n"), output);
        }
    }

    @Test
    void aCommandThatTimesOutIsKilledWithEverythingItStarted() throws Exception {
        String marker = "daalu-e2e-" + UUID.randomUUID();
        JsonObject args = new JsonObject();
        args.addProperty("command", "(exec -a " + marker + "-child sleep 300) & echo started; exec -a " + marker + " sleep 301");
        args.addProperty("timeout_s", 3);
        try (AgentHarness agent = AgentHarness.start(temp, Step.toolCall("run_command", args), Step.text("It timed out."))) {
            agent.answerApprovals("approve", null);
            agent.initialize();

            agent.send("Run it");

            String output = agent.notifications("chat/toolResult").get(0).get("output").getAsString();
            assertTrue(output.startsWith("Timed out after 3 s; the command and every process it started were killed."), output);
            assertFalse(running(marker), "no process of the command's group is left");
        }
    }

    @Test
    void aPathOutsideTheWorkspaceIsRefusedAsAToolErrorWithoutAsking() throws Exception {
        try (AgentHarness agent = AgentHarness.start(temp,
                Step.toolCall("read_file", json("{\"path\": \"../../../etc/passwd\"}")),
                Step.toolCall("write_file", json("{\"path\": \"/tmp/daalu-planted.txt\", \"content\": \"x\"}")),
                Step.text("I cannot read that."))) {
            List<JsonObject> asked = agent.answerApprovals("approve", null);
            agent.initialize();

            JsonObject result = agent.send("Show /etc/passwd");

            assertEquals("completed", result.get("outcome").getAsString());
            List<JsonObject> results = agent.notifications("chat/toolResult");
            assertEquals(List.of("error", "error"), results.stream().map(r -> r.get("status").getAsString()).toList());
            assertTrue(results.get(0).get("output").getAsString().contains("outside the workspace"));
            assertFalse(results.get(0).get("output").getAsString().contains("root:"));
            assertTrue(asked.isEmpty(), "refused before any approval prompt");
            assertFalse(Files.exists(Path.of("/tmp/daalu-planted.txt")));
        }
    }

    @Test
    void aModelServerErrorEndsTheTurnWithTheEndpointAndTheServersMessage() throws Exception {
        try (AgentHarness agent = AgentHarness.start(temp, Step.error(500,
                json("{\"object\": \"error\", \"message\": \"CUDA out of memory on device 0\", \"type\": \"InternalServerError\", \"code\": 500}")))) {
            agent.initialize();

            JsonObject result = agent.send("hello");

            assertEquals("error", result.get("outcome").getAsString());
            JsonObject error = result.getAsJsonObject("error");
            assertEquals(-32011, error.get("code").getAsInt());
            String message = error.get("message").getAsString();
            assertTrue(message.contains(agent.model.baseUrl()) && message.contains("CUDA out of memory on device 0"), message);
            assertFalse(message.contains("at dev.daalu"), "no stack trace");
        }
    }

    @Test
    void aStreamCutShortEndsTheTurnWithAClearError() throws Exception {
        try (AgentHarness agent = AgentHarness.start(temp,
                Step.text("The answer would have been long").with(Step.Delivery.DEFAULT.cutAfter(2)))) {
            agent.initialize();

            JsonObject result = agent.send("hello");

            assertEquals("error", result.get("outcome").getAsString());
            String message = result.getAsJsonObject("error").get("message").getAsString();
            assertTrue(message.contains(agent.model.baseUrl()), message);
            assertTrue(message.contains("closed the stream before the answer was complete"), message);
        }
    }

    @Test
    void cancellingMidStreamClosesTheModelStreamAndEndsTheTurnAsCancelled() throws Exception {
        try (AgentHarness agent = AgentHarness.start(temp,
                Step.text("Thinking about it for a very long while").with(Step.Delivery.DEFAULT.cutAfter(3).thenHoldOpen()))) {
            agent.initialize();
            JsonObject params = new JsonObject();
            params.addProperty("message", "hello");
            var id = agent.client.send("chat/send", params);
            JsonObject delta = agent.client.awaitNotification("chat/delta", Duration.ofSeconds(30));
            String session = delta.getAsJsonObject("params").get("sessionId").getAsString();

            JsonObject cancel = new JsonObject();
            cancel.addProperty("sessionId", session);
            assertTrue(agent.client.request("chat/cancel", cancel).getAsJsonObject().get("cancelled").getAsBoolean());

            JsonObject result = agent.client.awaitResponse(id, Duration.ofSeconds(30)).getAsJsonObject("result");
            assertEquals("cancelled", result.get("outcome").getAsString());
            assertTrue(agent.model.awaitDisconnect(Duration.ofSeconds(10)), "the model stream was closed");
        }
    }

    private static boolean running(String marker) throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-f", marker).start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgrep.waitFor();
        return !out.isBlank();
    }
}
