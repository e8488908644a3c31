package dev.daalu.server.model;

import com.google.gson.JsonObject;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.routing.ModelHttpClients;
import dev.daalu.testkit.Script;
import dev.daalu.testkit.ScriptedModelServer;
import dev.daalu.testkit.Step;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * How much the client adds to a streamed answer over loopback, against the testkit's scripted server:
 * the same stream read by the client (SSE parsing, assembly, listener calls) and read raw by OkHttp as
 * lines. Not a test: run by {@code bench/model-client/run.sh}, which prints the table.
 */
public final class ModelClientBenchmark {

    private static final int WARMUP = 30;
    private static final int RUNS = 60;
    private static final int TEXT_CHUNKS = 4000;
    private static final int FRAGMENTS = 2000;

    private ModelClientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        OkHttpClient http = ModelHttpClients.create(ModelHttpClients.Timeouts.DEFAULT);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < TEXT_CHUNKS; i++) {
            words.add(" token" + i);
        }
        JsonObject arguments = new JsonObject();
        arguments.addProperty("path", "main.tf");
        arguments.addProperty("content", "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n".repeat(200));
        Step text = Step.chunks(words);
        Step call = new Step.ToolCalls(List.of(new Step.Call("write_file", arguments, null)), FRAGMENTS, List.of(),
                Step.Delivery.DEFAULT);

        System.out.println("| answer | events | client ms (median) | raw read ms (median) | client overhead per event |");
        System.out.println("|---|---|---|---|---|");
        measure("text, one token per chunk", TEXT_CHUNKS + 3, text, http);
        measure("write_file call, 12 KB arguments", FRAGMENTS + 3, call, http);
        recovery();
    }

    private static void measure(String name, int events, Step step, OkHttpClient http) throws Exception {
        List<Double> client = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of())) {
            OpenAiChatClient chat = new OpenAiChatClient(http, ModelEndpoint.of(server.baseUrl()), true);
            ChatRequest request = Recordings.request();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                server.enqueue(step, step);
                double clientMs = time(() -> complete(chat, request));
                double rawMs = time(() -> readRaw(http, server.baseUrl(), request));
                if (i >= WARMUP) {
                    client.add(clientMs);
                    raw.add(rawMs);
                }
            }
        }
        double clientMedian = median(client);
        double rawMedian = median(raw);
        System.out.printf("| %s | %d | %.2f | %.2f | %.2f us |%n", name, events, clientMedian, rawMedian,
                (clientMedian - rawMedian) * 1000 / events);
    }

    private static void recovery() {
        String notACall = "{\"resource\": {\"aws_s3_bucket\": {\"logs\": {\"bucket\": \"logs\"}}}, \"pad\": \""
                + "x".repeat(200_000) + "\"}";
        String call = "<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"main.tf\"}}\n</tool_call>";
        List<ToolDefinition> tools = Recordings.recordedTools();
        List<Double> big = new ArrayList<>();
        List<Double> small = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            double bigMs = time(() -> ToolCallRecovery.recover(notACall, tools));
            double smallMs = time(() -> ToolCallRecovery.recover(call, tools));
            if (i >= WARMUP) {
                big.add(bigMs);
                small.add(smallMs);
            }
        }
        System.out.printf("%nText recovery on the whole content (median): a 200 KB JSON answer that is not a call %.3f ms;"
                + " one <tool_call> block %.3f ms%n", median(big), median(small));
    }

    private static Object complete(OpenAiChatClient chat, ChatRequest request) {
        try {
            return chat.complete(request, ChatStreamListener.NONE, CancelToken.none());
        } catch (ModelError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The same request, its stream read as lines and dropped: what any client must pay. */
    private static Object readRaw(OkHttpClient http, String baseUrl, ChatRequest request) {
        Request httpRequest = new Request.Builder().url(baseUrl + "/chat/completions")
                .post(RequestBody.create(ChatRequestEncoder.encode(request).toString(), MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(httpRequest).execute()) {
            BufferedSource source = response.body().source();
            int lines = 0;
            while (source.readUtf8Line() != null) {
                lines++;
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double time(Supplier<Object> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
