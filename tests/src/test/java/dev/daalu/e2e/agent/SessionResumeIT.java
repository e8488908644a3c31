package dev.daalu.e2e.agent;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daalu.e2e.harness.AgentHarness;
import dev.daalu.testkit.Script;
import dev.daalu.testkit.ScriptedModelServer;
import dev.daalu.testkit.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions outlive the server: after a kill -9, a new server lists the session and resumes it with its history. */
class SessionResumeIT {

    @TempDir
    Path temp;

    @Test
    void aKilledServersSessionIsListedAndResumedByTheNextOne() throws Exception {
        try (ScriptedModelServer model = ScriptedModelServer.start(new Script(AgentHarness.SERVED_MODEL, 32768, true, List.of(
                Step.text("The logs bucket keeps objects for 90 days."),
                Step.text("You asked about the logs bucket's retention."))))) {
            String session;
            try (AgentHarness first = AgentHarness.attach(temp, model, Map.of())) {
                first.initialize();
                JsonObject result = first.send("How long does the logs bucket keep objects?");
                session = result.get("sessionId").getAsString();
                Process kill = new ProcessBuilder("kill", "-9", String.valueOf(first.server.pid())).start();
                assertEquals(0, kill.waitFor());
                first.server.awaitExit(Duration.ofSeconds(20));
            }

            try (AgentHarness second = AgentHarness.attach(temp, model, Map.of())) {
                second.initialize();
                JsonObject listed = second.client.request("chat/sessions", new JsonObject()).getAsJsonObject();
                JsonObject stored = listed.getAsJsonArray("sessions").get(0).getAsJsonObject();
                assertEquals(session, stored.get("sessionId").getAsString());
                assertEquals("How long does the logs bucket keep objects?", stored.get("title").getAsString());

                JsonObject resumed = second.send(session, "What did I ask you before?");

                assertEquals("completed", resumed.get("outcome").getAsString());
                List<String> sent = second.messagesOf(1).stream()
                        .map(m -> m.get("role").getAsString() + ": " + text(m.get("content"))).toList();
                assertTrue(sent.contains("user: How long does the logs bucket keep objects?"), sent.toString());
                assertTrue(sent.contains("assistant: The logs bucket keeps objects for 90 days."), sent.toString());
                assertEquals("user: What did I ask you before?", sent.get(sent.size() - 1));
            }
        }
    }

    private static String text(JsonElement content) {
        return content == null || content.isJsonNull() ? "" : content.getAsString();
    }
}
