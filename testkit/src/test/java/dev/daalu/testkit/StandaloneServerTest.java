package dev.daalu.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main() that Node and Playwright tests start as a process. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StandaloneServerTest {

    @Test
    void printsItsPortAndServesTheScript(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("s.json"),
                "{\"model\":\"qwen3-coder-30b\",\"steps\":[{\"type\":\"text\",\"text\":\"Hello there\"}]}");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ScriptedModelServer.class.getName(),
                "--script", script.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            int port = Integer.parseInt(line.strip());
            HttpClient client = HttpClient.newHttpClient();

            String models = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/models")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true,\"messages\":[]}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertTrue(models.contains("\"id\":\"qwen3-coder-30b\""), models);
            assertTrue(answer.contains("\"content\":\" there\""), answer);
            assertTrue(answer.endsWith("data: [DONE]\n\n"), answer);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void badArgumentsExitWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ScriptedModelServer.run(new String[] {"--port"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: java -jar testkit.jar --script FILE.json"));
    }

    @Test
    void missingScriptFileSaysWhichFile(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ScriptedModelServer.run(new String[] {"--script", dir.resolve("nope.json").toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nope.json"), err.toString(StandardCharsets.UTF_8));
    }
}
