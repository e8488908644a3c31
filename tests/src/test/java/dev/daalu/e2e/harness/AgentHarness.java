package dev.daalu.e2e.harness;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.testkit.Script;
import dev.daalu.testkit.ScriptedModelServer;
import dev.daalu.testkit.Step;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One end-to-end agent session: a workspace in a temporary directory, a scripted OpenAI-compatible model server,
 * and the built server jar in its own process over stdio, with HOME and the XDG directories inside the temporary
 * directory so nothing of the machine's own configuration or state is used or touched.
 */
public final class AgentHarness implements AutoCloseable {

    public static final String SERVED_MODEL = "qwen2.5-coder-14b";

    public final Path workspace;
    public final Path home;
    public final ScriptedModelServer model;
    public final ServerProcess server;
    public final RpcTestClient client;

    private AgentHarness(Path workspace, Path home, ScriptedModelServer model, ServerProcess server) {
        this.workspace = workspace;
        this.home = home;
        this.model = model;
        this.server = server;
        this.client = new RpcTestClient(server);
    }

    /** Starts the model server with {@code steps} and the agent server; the workspace is {@code temp/ws}. */
    public static AgentHarness start(Path temp, Step... steps) throws IOException {
        return start(temp, Map.of(), List.of(), steps);
    }

    public static AgentHarness start(Path temp, Map<String, String> env, List<String> serveArgs, Step... steps) throws IOException {
        return start(temp, env, serveArgs, List.of(), steps);
    }

    /** As {@link #start(Path, Step...)}, with extra environment, serve arguments and a command to run the server under. */
    public static AgentHarness start(Path temp, Map<String, String> env, List<String> serveArgs, List<String> underCommand,
                                     Step... steps) throws IOException {
        ScriptedModelServer model = ScriptedModelServer.start(new Script(SERVED_MODEL, 32768, true, List.of(steps)));
        return start(temp, model, env, serveArgs, underCommand);
    }

    /** Starts the agent server against a model server the caller made (and still owns: close() closes it too). */
    public static AgentHarness attach(Path temp, ScriptedModelServer model, Map<String, String> env) throws IOException {
        return start(temp, model, env, List.of(), List.of());
    }

    private static AgentHarness start(Path temp, ScriptedModelServer model, Map<String, String> env, List<String> serveArgs,
                                      List<String> underCommand) throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("ws"));
        Path home = Files.createDirectories(temp.resolve("home"));
        ServerProcess.Builder builder = ServerProcess.builder()
                .directory(workspace)
                .env("HOME", home.toString())
                .env("XDG_CONFIG_HOME", home.resolve(".config").toString())
                .env("XDG_CACHE_HOME", home.resolve(".cache").toString())
                .env("XDG_STATE_HOME", home.resolve(".local/state").toString())
                .env("DAALU_TIERS_FILE", home.resolve("no-tiers.json").toString())
                .env("DAALU_MODEL_ENDPOINT", model.baseUrl());
        env.forEach(builder::env);
        if (!underCommand.isEmpty()) {
            builder.underCommand(underCommand.toArray(String[]::new));
        }
        List<String> args = new ArrayList<>(List.of("serve", "--stdio"));
        args.addAll(serveArgs);
        return new AgentHarness(workspace, home, model, builder.start(args.toArray(String[]::new)));
    }

    public Path write(String relative, String content) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** Sends initialize for the workspace and returns its result. */
    public JsonObject initialize() {
        JsonObject params = new JsonObject();
        params.addProperty("workspaceRoot", workspace.toString());
        JsonObject info = new JsonObject();
        info.addProperty("name", "e2e");
        info.addProperty("version", "1");
        params.add("clientInfo", info);
        return client.request("initialize", params).getAsJsonObject();
    }

    /** Answers every approval/request with this decision and reason, recording the requests. */
    public List<JsonObject> answerApprovals(String decision, String reason) {
        List<JsonObject> asked = new ArrayList<>();
        client.onRequest("approval/request", params -> {
            synchronized (asked) {
                asked.add(params.getAsJsonObject());
            }
            JsonObject answer = new JsonObject();
            answer.addProperty("decision", decision);
            if (reason != null) {
                answer.addProperty("reason", reason);
            }
            return answer;
        });
        return asked;
    }

    /** Runs one turn in a new session and returns the chat/send result. */
    public JsonObject send(String message) {
        return send(null, message);
    }

    public JsonObject send(String sessionId, String message) {
        JsonObject params = new JsonObject();
        if (sessionId != null) {
            params.addProperty("sessionId", sessionId);
        }
        params.addProperty("message", message);
        return client.request("chat/send", params).getAsJsonObject();
    }

    /** The notifications received so far with this method, in order. */
    public List<JsonObject> notifications(String method) {
        return client.frames().stream().map(RpcTestClient.Frame::json)
                .filter(json -> json.has("method") && method.equals(json.get("method").getAsString()))
                .map(json -> json.getAsJsonObject("params")).toList();
    }

    /** The streamed answer: every chat/delta's text, joined. */
    public String streamedText() {
        StringBuilder text = new StringBuilder();
        for (JsonObject delta : notifications("chat/delta")) {
            text.append(delta.get("text").getAsString());
        }
        return text.toString();
    }

    /** The chat requests the model server received, as JSON. */
    public List<JsonObject> modelRequests() {
        return model.chatRequests().stream().map(r -> r.jsonObject()).toList();
    }

    /** The messages of the model server's {@code n}th chat request. */
    public List<JsonObject> messagesOf(int n) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement message : modelRequests().get(n).getAsJsonArray("messages")) {
            out.add(message.getAsJsonObject());
        }
        return out;
    }

    public static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    /** Ends the session cleanly (shutdown, exit) and stops the model server. */
    @Override
    public void close() throws Exception {
        try {
            if (server.isAlive()) {
                try {
                    client.request("shutdown", null);
                    client.notify("exit", null);
                    server.awaitExit(Duration.ofSeconds(20));
                } catch (RuntimeException | AssertionError e) {
                    // the test's own assertion matters more; close() below kills what is left
                }
            }
        } finally {
            server.close();
            model.close();
        }
    }
}
