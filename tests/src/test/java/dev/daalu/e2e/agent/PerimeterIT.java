package dev.daalu.e2e.agent;

import com.google.gson.JsonObject;
import dev.daalu.e2e.harness.AgentHarness;
import dev.daalu.testkit.Script;
import dev.daalu.testkit.ScriptedModelServer;
import dev.daalu.testkit.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.daalu.e2e.harness.AgentHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy rule from outside the process: every network connection the server attempts during a whole
 * session, recorded by strace, goes to the allowed tier; an external tier and a stray host receive nothing.
 */
class PerimeterIT {

    private static final Pattern INET_CONNECT = Pattern.compile(
            "connect\\(\\d+, \\{sa_family=AF_INET6?, sin6?_port=htons\\((\\d+)\\), "
                    + "(?:sin_addr=inet_addr\\(\"([^\"]+)\"\\)|[^}]*?inet_pton\\(AF_INET6, \"([^\"]+)\")");

    @TempDir
    Path temp;

    @Test
    void aWholeSessionConnectsToTheAllowedTierOnlyAndNeverToTheExternalOne() throws Exception {
        Path trace = temp.resolve("connect.trace");
        try (ScriptedModelServer external = ScriptedModelServer.start(new Script(AgentHarness.SERVED_MODEL, 32768, true,
                List.of(Step.text("leaked"))))) {
            Path tiers = Files.writeString(temp.resolve("tiers.json"), """
                    {"tiers": [{"id": "public-api", "kind": "external", "baseUrl": "%s", "online": true,
                                "gpus": [{"name": "H100", "memoryGb": 80}]}]}
                    """.formatted(external.baseUrl()));
            try (AgentHarness agent = AgentHarness.start(temp, Map.of("DAALU_TIERS_FILE", tiers.toString()), List.of(),
                    List.of("strace", "-f", "-qq", "-e", "trace=connect", "-o", trace.toString()),
                    Step.toolCall("search_files", json("{\"query\": \"bucket\"}")),
                    Step.toolCall("read_file", json("{\"path\": \"main.tf\"}")),
                    Step.toolCall("edit_file", json("{\"path\": \"main.tf\", \"old_text\": \"logs\", \"new_text\": \"audit\"}")),
                    Step.toolCall("run_command", json("{\"command\": \"cat main.tf\"}")),
                    Step.text("Renamed and checked."))) {
                agent.write("main.tf", "bucket = \"logs\"\n");
                agent.answerApprovals("approve", null);
                JsonObject init = agent.initialize();
                assertEquals("operator-override", init.getAsJsonObject("routing").get("tierKind").getAsString());

                assertEquals("completed", agent.send("rename the bucket to audit").get("outcome").getAsString());
                agent.client.request("repoMap/get", json("{\"maxTokens\": 256}"));
                agent.client.request("search/query", json("{\"query\": \"audit\"}"));
                agent.client.request("index/status", null);
                agent.close();

                List<String> destinations = inetDestinations(Files.readString(trace, StandardCharsets.UTF_8));
                assertFalse(destinations.isEmpty(), "strace saw the model calls");
                String allowed = "127.0.0.1:" + agent.model.port();
                for (String destination : destinations) {
                    assertEquals(allowed, destination, "every connection goes to the allowed tier: " + destinations);
                }
                assertEquals(0, external.requestCount(), "the external tier received nothing");
                assertTrue(agent.model.chatRequests().size() >= 5);
            }
        }
    }

    @Test
    void withEveryAllowedTierDownTheTurnFailsClearlyAndTheExternalTierStillReceivesNothing() throws Exception {
        try (ScriptedModelServer external = ScriptedModelServer.start(new Script(AgentHarness.SERVED_MODEL, 32768, true,
                List.of(Step.text("leaked"))))) {
            Path tiers = Files.writeString(temp.resolve("tiers.json"), """
                    {"tiers": [{"id": "public-api", "kind": "external", "baseUrl": "%s", "online": true},
                               {"id": "team-gpu", "kind": "own-gpu", "baseUrl": "http://127.0.0.1:9/v1", "online": false}]}
                    """.formatted(external.baseUrl()));
            try (AgentHarness agent = AgentHarness.start(temp, Map.of("DAALU_TIERS_FILE", tiers.toString(),
                    "DAALU_MODEL_ENDPOINT", ""), List.of())) {
                JsonObject init = agent.initialize();
                assertTrue(init.getAsJsonObject("routing").get("eligible").getAsBoolean(), "an own-gpu tier is configured");
                assertFalse(init.has("model") && !init.get("model").isJsonNull(), "but no model can be served");

                JsonObject result = agent.send("hello");

                assertEquals("error", result.get("outcome").getAsString());
                assertEquals(-32010, result.getAsJsonObject("error").get("code").getAsInt());
                assertTrue(result.getAsJsonObject("error").get("message").getAsString().contains("offline"), result.toString());
                assertEquals(0, external.requestCount());
            }
        }
    }

    /** {@code host:port} of every AF_INET/AF_INET6 connect attempt in an strace log. */
    static List<String> inetDestinations(String trace) {
        List<String> out = new ArrayList<>();
        Matcher m = INET_CONNECT.matcher(trace);
        while (m.find()) {
            String host = m.group(2) != null ? m.group(2) : m.group(3);
            // Java connects over an IPv6 socket when it can; an IPv4 address then appears IPv4-mapped
            out.add(host.replaceFirst("^::ffff:", "") + ":" + m.group(1));
        }
        return out;
    }

    @Test
    void theTraceParserSeesBothAddressFamilies() {
        String trace = """
                123 connect(41, {sa_family=AF_INET, sin_port=htons(8000), sin_addr=inet_addr("10.0.0.5")}, 16) = -1 EINPROGRESS
                124 connect(42, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, 28) = 0
                126 connect(44, {sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::ffff:127.0.0.1", &sin6_addr), sin6_scope_id=0}, 28) = 0
                125 connect(43, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT
                """;

        assertEquals(List.of("10.0.0.5:8000", "2001:db8::1:443", "127.0.0.1:8080"), inetDestinations(trace));
    }
}
