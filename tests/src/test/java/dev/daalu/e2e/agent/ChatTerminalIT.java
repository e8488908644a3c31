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
            startChat(model);
            Path workspace = temp.resolve("ws");

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
            awaitSessionEnd();
        }
    }

    @Test
    void aMultiStepTaskOnARealRepositoryWithAnApprovedEditAndAnApprovedCommand() throws Exception {
        Path workspace = temp.resolve("ws");
        cloneThisProjectInto(workspace);
        String title = Files.readAllLines(workspace.resolve("README.md")).get(0);
        String retitled = title + " (agent server, repo indexer, VS Code extension)";
        try (ScriptedModelServer model = ScriptedModelServer.start(new Script(AgentHarness.SERVED_MODEL, 32768, true, List.of(
                Step.toolCall("search_files", json("query", "bin/test", "glob", "*.md")),
                Step.toolCall("read_file", firstLinesOf("README.md", 5)),
                Step.toolCall("edit_file", json("path", "README.md", "old_text", title, "new_text", retitled)),
                Step.toolCall("run_command", json("command", "git diff --stat")),
                Step.text("README.md now names the three parts in its title."))))) {
            startChat(model);

            awaitScreen("/help for commands", Duration.ofSeconds(60));
            type("say in the README title what the parts are, then show me git diff --stat", "Enter");
            String edit = awaitScreen("Approve? [y/N]", Duration.ofSeconds(60));
            assertTrue(edit.contains("Edit README.md (+1 -1)") && edit.contains("+" + retitled), edit);
            type("y", "Enter");
            String command = awaitScreen("Run: git diff --stat", Duration.ofSeconds(60));
            assertTrue(command.contains("  > search_files") && command.contains("  > read_file"), command);
            awaitScreen("Approve? [y/N]", Duration.ofSeconds(10));
            type("y", "Enter");
            awaitScreen("README.md now names the three parts in its title.", Duration.ofSeconds(60));
            type("C-d");
            awaitSessionEnd();

            assertEquals(retitled, Files.readAllLines(workspace.resolve("README.md")).get(0));
            List<String> toolResults = toolMessages(model.chatRequests().get(model.chatRequests().size() - 1).jsonObject());
            assertEquals(4, toolResults.size(), toolResults.toString());
            assertTrue(toolResults.get(0).contains("README.md:"), "search found the README: " + toolResults.get(0));
            assertTrue(toolResults.get(1).contains(title), "read_file returned the README's first lines: " + toolResults.get(1));
            assertTrue(toolResults.get(3).startsWith("Exit code 0") && toolResults.get(3).contains("1 file changed, 1 insertion(+), 1 deletion(-)"),
                    "git diff --stat ran in the workspace and its output went back to the model: " + toolResults.get(3));
        }
    }

    @Test
    void ctrlCCancelsTheRunningTurnAndTheChatGoesOn() throws Exception {
        try (ScriptedModelServer model = ScriptedModelServer.start(new Script(AgentHarness.SERVED_MODEL, 32768, true, List.of(
                Step.text("Let me think about this for a long while").with(Step.Delivery.DEFAULT.cutAfter(3).thenHoldOpen()),
                Step.text("Still here."))))) {
            startChat(model);

            awaitScreen("/help for commands", Duration.ofSeconds(60));
            type("think hard", "Enter");
            awaitScreen("Let me", Duration.ofSeconds(60));
            type("C-c");
            awaitScreen("(cancelled)", Duration.ofSeconds(30));
            assertTrue(model.awaitDisconnect(Duration.ofSeconds(10)), "the model stream was closed");
            type("are you there?", "Enter");
            awaitScreen("Still here.", Duration.ofSeconds(60));
            type("/exit", "Enter");
            awaitSessionEnd();
        }
    }

    private static JsonObject json(String... keysAndValues) {
        JsonObject object = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.addProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static JsonObject firstLinesOf(String path, int lines) {
        JsonObject object = json("path", path);
        object.addProperty("end_line", lines);
        return object;
    }

    private static List<String> toolMessages(JsonObject chatRequest) {
        List<String> contents = new ArrayList<>();
        chatRequest.getAsJsonArray("messages").forEach(message -> {
            if (message.getAsJsonObject().get("role").getAsString().equals("tool")) {
                contents.add(message.getAsJsonObject().get("content").getAsString());
            }
        });
        return contents;
    }

    /** A real repository with history: a clone of the checkout these tests run in. */
    private static void cloneThisProjectInto(Path workspace) throws IOException, InterruptedException {
        Process top = new ProcessBuilder("git", "rev-parse", "--show-toplevel").redirectErrorStream(true).start();
        String root = new String(top.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, top.waitFor(), root);
        Process clone = new ProcessBuilder("git", "clone", "-q", root, workspace.toString()).redirectErrorStream(true).start();
        String output = new String(clone.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, clone.waitFor(), output);
    }

    private void startChat(ScriptedModelServer model) throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("ws"));
        Path home = Files.createDirectories(temp.resolve("home"));
        List<String> command = List.of("env", "HOME=" + home, "XDG_STATE_HOME=" + home.resolve("state"),
                "XDG_CACHE_HOME=" + home.resolve("cache"), "XDG_CONFIG_HOME=" + home.resolve("config"),
                "DAALU_TIERS_FILE=" + home.resolve("none.json"), "NO_COLOR=1", "TERM=xterm-256color",
                System.getProperty("daalu.java", "java"), "--enable-native-access=ALL-UNNAMED", "-jar",
                System.getProperty("daalu.jar"), "chat", "--dir", workspace.toString(), "--endpoint", model.baseUrl());
        List<String> start = new ArrayList<>(List.of("new-session", "-d", "-s", session, "-x", "160", "-y", "48"));
        start.add(String.join(" ", command.stream().map(ChatTerminalIT::quote).toList()));
        assertEquals(0, tmux(start.toArray(String[]::new)), "tmux started");
    }

    private void awaitSessionEnd() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tmux("has-session", "-t", session) == 0) {
            if (System.nanoTime() > deadline) {
                fail("daalu chat did not end:\n" + screen());
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling a terminal: there is nothing to wait on but its screen
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
