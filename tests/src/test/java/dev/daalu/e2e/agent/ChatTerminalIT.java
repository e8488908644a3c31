package dev.daalu.e2e.agent;

import com.google.gson.JsonObject;
import dev.daalu.e2e.harness.AgentHarness;
import dev.daalu.testkit.Script;
import dev.daalu.testkit.ScriptedModelServer;
import dev.daalu.testkit.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code daalu chat} in a real pseudo-terminal (tmux): a message typed at the prompt, the diff shown, {@code y}
 * typed to approve, the file written, Ctrl-D to quit.
 */
class ChatTerminalIT {

    @TempDir
    Path temp;

    private final String session = "daalu-it-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void killSession() throws Exception {
        tmux("kill-session", "-t", session);
    }

    @Test
    void oneApprovedWriteThroughTheTerminal() throws Exception {
        JsonObject args = new JsonObject();
        args.addProperty("path", "notes/runbook.md");
        args.addProperty("content", "# Restart the API\n\n1. kubectl rollout restart deploy/api\n");
        try (ScriptedModelServer model = ScriptedModelServer.start(new Script(AgentHarness.SERVED_MODEL, 32768, true,
                List.of(Step.toolCall("write_file", args), Step.text("I wrote the runbook."))))) {
            Path workspace = Files.createDirectories(temp.resolve("ws"));
            Path home = Files.createDirectories(temp.resolve("home"));
            List<String> command = new ArrayList<>(List.of("env", "HOME=" + home, "XDG_STATE_HOME=" + home.resolve("state"),
                    "XDG_CACHE_HOME=" + home.resolve("cache"), "XDG_CONFIG_HOME=" + home.resolve("config"),
                    "DAALU_TIERS_FILE=" + home.resolve("none.json"), "NO_COLOR=1", "TERM=xterm-256color",
                    System.getProperty("daalu.java", "java"), "--enable-native-access=ALL-UNNAMED", "-jar",
                    System.getProperty("daalu.jar"), "chat", "--dir", workspace.toString(), "--endpoint", model.baseUrl()));
            List<String> start = new ArrayList<>(List.of("new-session", "-d", "-s", session, "-x", "160", "-y", "48"));
            start.add(String.join(" ", command.stream().map(ChatTerminalIT::quote).toList()));
            assertEquals(0, tmux(start.toArray(String[]::new)), "tmux started");

            awaitScreen("/help for commands", Duration.ofSeconds(60));
            type("write a runbook for restarting the API", "Enter");
            String approval = awaitScreen("Approve? [y/N]", Duration.ofSeconds(60));
            assertTrue(approval.contains("Create notes/runbook.md (3 lines)") && approval.contains("+1. kubectl rollout restart deploy/api"),
                    approval);
            assertFalse(Files.exists(workspace.resolve("notes/runbook.md")), "nothing is written before the answer");
            type("y", "Enter");
            awaitScreen("I wrote the runbook.", Duration.ofSeconds(60));

            assertEquals("# Restart the API\n\n1. kubectl rollout restart deploy/api\n",
                    Files.readString(workspace.resolve("notes/runbook.md")));
            type("C-d");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (tmux("has-session", "-t", session) == 0) {
                if (System.nanoTime() > deadline) {
                    fail("Ctrl-D did not end daalu chat:\n" + screen());
                }
                Thread.onSpinWait();
            }
        }
    }

    private void type(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        assertEquals(0, tmux(args.toArray(String[]::new)));
    }

    private String awaitScreen(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (screen.contains(text)) {
                return screen;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling a terminal: there is nothing to wait on but its screen
        }
        return fail("'" + text + "' never appeared on the terminal:\n" + screen);
    }

    private String screen() throws IOException, InterruptedException {
        Process capture = new ProcessBuilder("tmux", "capture-pane", "-p", "-J", "-S", "-200", "-t", session).start();
        String out = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        capture.waitFor();
        return out;
    }

    private static int tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("tmux");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
