package dev.daalu.server.model;

import dev.daalu.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every model-server recording and hard case is replayed by some test of this package, or is listed here
 * with the reason no component reads it. A recording added to the testkit fails this test until it is used.
 */
class FixtureCoverageTest {

    private static final List<String> FOLDERS = List.of("model-servers/vllm", "model-servers/llamacpp",
            "model-servers/ollama", "model-servers/quirks", "model-servers/requests", "cases");

    private static final Map<String, String> NOT_CONSUMED = Map.of(
            "model-servers/llamacpp/detokenize-request.json", "no component detokenizes",
            "model-servers/llamacpp/detokenize-response.json", "no component detokenizes",
            "model-servers/vllm/detokenize-request.json", "no component detokenizes",
            "model-servers/vllm/detokenize-response.json", "no component detokenizes",
            "model-servers/llamacpp/tokenize-with-pieces-request.json", "counting needs no pieces",
            "model-servers/llamacpp/tokenize-with-pieces-response.json", "counting needs no pieces",
            "model-servers/llamacpp/health-ok.json", "no health check yet (routing's job)",
            "model-servers/vllm/metrics-excerpt.txt", "no metrics reader yet",
            "model-servers/vllm/version.json", "no version check yet");

    @Test
    void everyRecordingIsReplayedOrListedAsNotConsumed() throws IOException {
        String sources = testSources();
        List<String> unused = new ArrayList<>();
        for (String folder : FOLDERS) {
            for (String fixture : Fixtures.names(folder)) {
                if (!sources.contains("\"" + fixture + "\"") && !NOT_CONSUMED.containsKey(fixture)) {
                    unused.add(fixture);
                }
            }
        }

        assertEquals(List.of(), unused, "recordings no test replays");
    }

    private static String testSources() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java/dev/daalu/server/model"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }
}
