package dev.daalu.e2e.agent;

import dev.daalu.e2e.harness.AgentHarness;
import dev.daalu.e2e.harness.ServerProcess;
import dev.daalu.testkit.Script;
import dev.daalu.testkit.ScriptedModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code daalu models} and {@code daalu status} as a user runs them, against tiers files of different hardware. */
class ModelsAndStatusIT {

    @TempDir
    Path temp;

    record Run(int exit, String out) { }

    private Run daalu(Path tiers, String... args) throws IOException, InterruptedException {
        Path home = Files.createDirectories(temp.resolve("home"));
        ServerProcess.Builder builder = ServerProcess.builder().directory(temp)
                .env("HOME", home.toString())
                .env("XDG_CONFIG_HOME", home.resolve("config").toString())
                .env("XDG_STATE_HOME", home.resolve("state").toString())
                .env("DAALU_MODEL_ENDPOINT", null)
                .env("DAALU_TIERS_FILE", tiers.toString());
        try (ServerProcess process = builder.start(args)) {
            int exit = process.awaitExit(Duration.ofSeconds(60));
            String out = new String(process.stdout().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(exit, out);
        }
    }

    @Test
    void aSixteenGigabyteCardEnablesOnlyTheSmallModelAndSaysWhyNotTheOthers() throws Exception {
        try (ScriptedModelServer gpu = ScriptedModelServer.start(new Script(AgentHarness.SERVED_MODEL, 8192, true, List.of()))) {
            Path tiers = Files.writeString(temp.resolve("tiers.json"), """
                    {"tiers": [{"id": "team-gpu", "kind": "own-gpu", "baseUrl": "%s",
                                "gpus": [{"name": "L4", "memoryGb": 16}]},
                               {"id": "cloud", "kind": "external", "baseUrl": "https://api.example.com/v1",
                                "gpus": [{"name": "H100", "memoryGb": 80}]}]}
                    """.formatted(gpu.baseUrl()));

            Run models = daalu(tiers, "models");
            Run status = daalu(tiers, "status");
            Run large = daalu(tiers, "status", "--model", "qwen2.5-coder-32b-awq");

            assertEquals(0, models.exit());
            assertTrue(models.out().contains("* qwen2.5-coder-14b-awq      enabled"), models.out());
            assertTrue(models.out().contains("qwen2.5-coder-32b-awq      disabled") && models.out().contains("(needs 48 GB; largest online GPU is 16 GB)"),
                    models.out());
            assertEquals(0, status.exit(), status.out());
            assertTrue(status.out().contains("eligible:  yes") && status.out().contains("Using own-gpu tier 'team-gpu'"), status.out());
            assertTrue(status.out().contains("server:    serves qwen2.5-coder-14b with a 8192-token window"), status.out());
            assertEquals(1, large.exit());
            assertTrue(large.out().contains("Qwen2.5-Coder 32B AWQ needs 48 GB; largest online GPU is 16 GB"), large.out());
        }
    }

    @Test
    void statusAsksTheTierAndSaysWhenNothingAnswers() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path tiers = Files.writeString(temp.resolve("tiers.json"), """
                {"tiers": [{"id": "team-gpu", "kind": "own-gpu", "baseUrl": "http://127.0.0.1:%d/v1",
                            "gpus": [{"name": "L4", "memoryGb": 16}]}]}
                """.formatted(closedPort));

        Run status = daalu(tiers, "status");

        assertEquals(1, status.exit(), status.out());
        assertTrue(status.out().contains("eligible:  yes"), status.out());
        assertTrue(status.out().contains("server:    cannot serve: ") && status.out().contains("127.0.0.1:" + closedPort), status.out());
    }

    @Test
    void withOnlyAnExternalTierTheWorkspaceIsNotEligibleAndStatusSaysWhatToAdd() throws Exception {
        Path tiers = Files.writeString(temp.resolve("tiers.json"), """
                {"tiers": [{"id": "cloud", "kind": "external", "baseUrl": "https://api.example.com/v1"}]}
                """);

        Run status = daalu(tiers, "status");

        assertEquals(1, status.exit());
        assertTrue(status.out().contains("eligible:  no: an in-perimeter AI tier must be added first"), status.out());
    }
}
