package dev.daalu.e2e.agent;

import com.google.gson.JsonObject;
import dev.daalu.e2e.harness.AgentHarness;
import dev.daalu.testkit.RecordedRequest;
import dev.daalu.testkit.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.daalu.e2e.harness.AgentHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hard cases B16 (secret files never reach the model, the client or the logs) and B33 (stdout carries frames only). */
class SecretsAndStdoutIT {

    @TempDir
    Path temp;

    @Test
    void secretFilesOfCaseB16NeverReachTheModelTheClientOrTheLogsUnlessApproved() throws Exception {
        Path log = temp.resolve("server.log");
        try (AgentHarness agent = AgentHarness.start(temp, Map.of("DAALU_LOG_FILE", log.toString(), "DAALU_LOG_LEVEL", "DEBUG"),
                List.of(),
                Step.toolCall("read_file", json("{\"path\": \".env\"}")),
                Step.toolCall("search_files", json("{\"query\": \"OPENAI_API_KEY\"}")),
                Step.toolCall("search_files", json("{\"query\": \"API_TOKEN\"}")),
                Step.toolCall("search_files", json("{\"query\": \"PRIVATE KEY\"}")),
                Step.toolCall("repo_map", json("{}")),
                Step.toolCall("list_dir", json("{\"path\": \".\", \"depth\": 3}")),
                Step.toolCall("read_file", json("{\"path\": \"config/deploy_id_rsa\"}")),
                Step.text("The project reads OPENAI_API_KEY from the environment."))) {
            runScript("B16-secret-files-setup.sh", temp);
            List<JsonObject> asked = agent.answerApprovals("deny", "not the secrets");
            agent.initialize();

            JsonObject result = agent.send("Which API provider does this project use? Check the config.");

            assertEquals("completed", result.get("outcome").getAsString());
            JsonObject direct = agent.client.request("search/query", json("{\"query\": \"CANARY-B16\"}")).getAsJsonObject();
            assertEquals(0, direct.get("total").getAsLong(), "secret files are not searchable: " + direct);
            String found = agent.notifications("chat/toolResult").get(1).get("output").getAsString();
            assertTrue(found.contains("src/Main.java:1:") && !found.contains(".env"), found);
            assertEquals(List.of("read", "read"), asked.stream().map(a -> a.getAsJsonObject("preview").get("kind").getAsString()).toList());
            for (RecordedRequest request : agent.model.chatRequests()) {
                assertNoCanary("a model request", request.body());
            }
            assertNoCanary("the JSON-RPC output", new String(agent.client.rawOutput(), StandardCharsets.UTF_8));
            agent.close();
            assertNoCanary("the server log", Files.readString(log));
            try (Stream<Path> files = Files.walk(agent.home)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (file.toString().contains("/.cache/daalu/")) {
                        continue; // the index's own binary files; search results above prove nothing was indexed
                    }
                    assertNoCanary(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void stdoutCarriesNothingButFramesAsInCaseB33() throws Exception {
        try (AgentHarness agent = AgentHarness.start(temp, Map.of("DAALU_LOG_LEVEL", "DEBUG"), List.of(),
                Step.toolCall("run_command", json("{\"command\": \"echo PLAIN-STDOUT-FROM-CHILD; printf 'Content-Length: 5\\\\r\\\\n\\\\r\\\\nhello'; echo ERR-FROM-CHILD >&2\"}")),
                Step.text("Done."))) {
            try (InputStream invalid = SecretsAndStdoutIT.class.getResourceAsStream("/cases/B17-invalid-utf8.js")) {
                Files.write(agent.workspace.resolve("legacy.js"), invalid.readAllBytes());
            }
            agent.answerApprovals("approve", null);
            agent.initialize();

            agent.send("run it");
            String output = agent.notifications("chat/toolResult").get(0).get("output").getAsString();
            agent.close();

            assertTrue(output.contains("PLAIN-STDOUT-FROM-CHILD") && output.contains("Content-Length: 5\r\n\r\nhello")
                    && output.contains("ERR-FROM-CHILD"), output);
            assertEquals(java.util.Optional.empty(), agent.client.framingProblem(), "every byte of stdout is a frame");
            String raw = new String(agent.client.rawOutput(), StandardCharsets.UTF_8);
            assertFalse(raw.contains("\nPLAIN-STDOUT-FROM-CHILD"), "child output only inside JSON strings");
            assertTrue(agent.server.stderrAfterExit().contains("DEBUG"), "logs went to stderr");
            int frames = agent.client.frames().size();
            assertTrue(frames > 5, frames + " frames");
        }
    }

    private static void assertNoCanary(String where, String text) {
        for (String canary : List.of("CANARY-B16", "sk-TEST-B16")) {
            assertFalse(text.contains(canary), canary + " appears in " + where);
        }
    }

    private static void runScript(String name, Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve(name);
        try (InputStream in = SecretsAndStdoutIT.class.getResourceAsStream("/cases/" + name)) {
            Files.write(script, in.readAllBytes());
        }
        Process process = new ProcessBuilder("sh", script.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, name);
    }
}
