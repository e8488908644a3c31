package dev.daalu.e2e.seeding;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.daalu.e2e.seeding.SeedingCases.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cases B35 and B37: the token stays out of process listings during a clone, and out of every message after a failed one. */
class TokenSecrecyIT {

    private static final String PRIVATE = "private/acme/private-service.git";

    @TempDir
    static Path serverDir;
    private static GitHttpsServer server;

    @TempDir
    Path dir;
    private DaaluSandbox daalu;

    @BeforeAll
    static void startServer() throws Exception {
        server = GitHttpsServer.start(serverDir, TOKEN);
        server.createRepository(PRIVATE, "main", Map.of("main.tf", "terraform {}\n"), serverDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void storeTheToken() throws Exception {
        daalu = new DaaluSandbox(dir);
        DaaluSandbox.Run stored = daalu.run(TOKEN + "\n", "workspace", "set-token");
        assertEquals(0, stored.exitCode(), stored.both());
    }

    /** B35: the clone is held mid-transfer, after git authenticated, while the case's probe watches /proc. */
    @Test
    void theTokenIsInNoProcessArgvOrEnvironmentDuringAClone() throws Exception {
        CountDownLatch transferring = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.holdPackTransfer(transferring, release);
        Path probeOutput = dir.resolve("probe.out");
        // no argument: the probe then looks for B34's token, and its own argv does not hold it
        Process probe = new ProcessBuilder("sh", SeedingCases.copy("B35-process-listing-probe.sh", dir).toString())
                .redirectErrorStream(true).redirectOutput(probeOutput.toFile()).start();
        try {
            DaaluSandbox.Started clone = daalu.start("workspace", "init", "--repo", server.url(PRIVATE),
                    "--dir", dir.resolve("ws").toString(), "--ca-file", server.caFile().toString());
            clone.process().getOutputStream().close();

            assertTrue(transferring.await(2, TimeUnit.MINUTES), "git reached the pack transfer");
            List<String> running = clone.process().descendants().map(p -> p.info().command().orElse("?")).toList();
            List<String> leaks = new SecretScan(TOKEN, "x-access-token").inProcesses(clone.process().toHandle());
            assertTrue(probe.waitFor(2, TimeUnit.MINUTES), "the probe ran its 30 seconds");
            release.countDown();
            DaaluSandbox.Run run = clone.await();

            assertEquals(List.of(), leaks);
            assertTrue(running.stream().anyMatch(command -> command.contains("git-remote-http")),
                    "scanned while git-remote-https held the credential: " + running);
            String probed = Files.readString(probeOutput);
            assertFalse(probed.contains("LEAK"), probed);
            assertTrue(probed.contains("probe finished"), probed);
            assertEquals(0, run.exitCode(), run.both());
            assertTrue(Files.exists(dir.resolve("ws/main.tf")));
        } finally {
            release.countDown();
            probe.destroyForcibly();
        }
    }

    /** B37: a clone that fails before any server answers (DNS), or on a refused port, shows no form of the token. */
    @Test
    void aFailingCloneShowsNoFormOfTheToken() throws Exception {
        var b37 = JsonParser.parseString(SeedingCases.text("B37-argv-extraheader.json")).getAsJsonObject();
        List<String> forms = b37.getAsJsonArray("forms_of_the_secret_to_scan_for").asList().stream()
                .map(e -> e.getAsString()).toList();
        assertTrue(forms.get(0).equals(TOKEN), "B37 and B34 share the token");
        SecretScan scan = new SecretScan(forms);
        String unresolvable = JsonParser.parseString(SeedingCases.text("B34-clone-request.json")).getAsJsonObject()
                .getAsJsonObject("request").getAsJsonObject("params").get("url").getAsString();
        String refusedPort = "https://127.0.0.1:" + closedPort() + "/acme/private-service.git";

        for (String url : List.of(unresolvable, refusedPort)) {
            Path workspace = dir.resolve("ws-" + Math.abs(url.hashCode()));
            DaaluSandbox.Run run = daalu.run(null, "workspace", "init", "--repo", url, "--dir", workspace.toString(),
                    "--timeout-seconds", "90");

            assertEquals(1, run.exitCode(), run.both());
            assertTrue(run.stderr().contains("could not clone " + url), run.stderr());
            assertFalse(run.stderr().contains("Exception"), run.stderr());
            assertEquals(List.of(), scan.inText(url, run.both()));
            assertFalse(Files.exists(workspace));
        }
        assertEquals(List.of(), scan.inFiles(daalu.logs, daalu.home, daalu.tmp, daalu.state));
        assertEquals(List.of(), scan.inText("git's argv and environment", daalu.gitLog()));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
