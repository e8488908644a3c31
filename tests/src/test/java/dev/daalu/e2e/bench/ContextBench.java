package dev.daalu.e2e.bench;

import com.google.gson.JsonObject;
import dev.daalu.e2e.harness.AgentHarness;
import dev.daalu.testkit.RecordedRequest;
import dev.daalu.testkit.Script;
import dev.daalu.testkit.ScriptedModelServer;
import dev.daalu.testkit.Step;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Replays one long scripted task (a 30-step exploration of a 30-module Terraform repository, then an edit and a
 * command) against the real server at the three catalog windows, and reports the tokens each model call sent, how
 * often the history was condensed, and whether any request (its prompt plus the answer's reserve) exceeded the
 * window, counted by the model server's own tokenizer.
 *
 * <p>Run with {@code bench/context/run.sh}; prints a Markdown table.
 */
public final class ContextBench {

    private static final int STEPS = 30;

    record Model(String catalogId, String servedName, int window) { }

    public static void main(String[] args) throws Exception {
        List<Model> models = List.of(
                new Model("qwen2.5-coder-14b-awq", "qwen2.5-coder-14b", 8192),
                new Model("qwen2.5-coder-32b-awq", "qwen2.5-coder-32b", 32768),
                new Model("qwen3-coder-30b-a3b-fp8", "qwen3-coder-30b", 65536));
        System.out.println("| window | model | model calls | condensing calls | prompt tokens per call: min / median / max | "
                + "largest request + answer reserve | over the window | outcome |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Model model : models) {
            System.out.println(run(model));
        }
    }

    static String run(Model model) throws Exception {
        Path temp = Files.createTempDirectory("daalu-context-bench");
        Path workspace = Files.createDirectories(temp.resolve("ws"));
        for (int m = 0; m < STEPS; m++) {
            Path file = workspace.resolve("modules/m" + m + "/main.tf");
            Files.createDirectories(file.getParent());
            Files.writeString(file, IntStream.rangeClosed(1, 300).mapToObj(i -> "  attribute_" + i + " = \"value " + i
                    + " of module " + model.window() + "\"").collect(Collectors.joining("\n", "resource \"null_resource\" \"m\" {\n", "\n}\n")));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            steps.add(i % 3 == 2
                    ? Step.toolCall("search_files", AgentHarness.json("{\"query\": \"attribute_" + (i * 7) + "\"}"))
                    : Step.toolCall("read_file", AgentHarness.json("{\"path\": \"modules/m" + i + "/main.tf\"}")));
        }
        steps.add(Step.toolCall("edit_file", AgentHarness.json("{\"path\": \"modules/m0/main.tf\", \"old_text\": \"attribute_1 = \","
                + " \"new_text\": \"renamed_1 = \"}")));
        steps.add(Step.toolCall("run_command", AgentHarness.json("{\"command\": \"grep -c renamed_1 modules/m0/main.tf\"}")));
        steps.add(Step.text("Read all thirty modules, renamed attribute_1 in m0, and grep finds it once."));
        Script script = new Script(model.servedName(), model.window(), true, steps,
                Step.text("Summary: read modules m0 onwards; they define null_resource m with attributes 1-300."));
        try (ScriptedModelServer server = ScriptedModelServer.start(script);
             AgentHarness agent = AgentHarness.attach(temp, server, Map.of("DAALU_MODEL", model.catalogId(), "DAALU_MAX_STEPS", "40"))) {
            agent.answerApprovals("approve", null);
            agent.initialize();
            JsonObject result = agent.send("Explore every module, then rename attribute_1 in m0 and check it.");
            int calls = 0;
            int condensing = 0;
            int over = 0;
            int largest = 0;
            List<Integer> prompts = new ArrayList<>();
            for (RecordedRequest request : server.chatRequests()) {
                JsonObject body = request.jsonObject();
                int prompt = ScriptedModelServer.promptTokens(body);
                int reserve = body.has("max_tokens") ? body.get("max_tokens").getAsInt() : 0;
                calls++;
                boolean toolless = !body.has("tools") || body.getAsJsonArray("tools").isEmpty();
                condensing += toolless ? 1 : 0;
                prompts.add(prompt);
                largest = Math.max(largest, prompt + reserve);
                over += prompt + reserve > model.window() ? 1 : 0;
            }
            int[] sorted = prompts.stream().mapToInt(Integer::intValue).sorted().toArray();
            return String.format(Locale.ROOT, "| %d | %s | %d | %d | %d / %d / %d | %d | %d | %s |", model.window(), model.catalogId(),
                    calls, condensing, sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1], largest, over,
                    result.get("outcome").getAsString() + " after " + result.get("steps").getAsInt() + " steps");
        }
    }

    private ContextBench() {
    }
}
