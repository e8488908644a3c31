package dev.daalu.testkit;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptTest {

    @Test
    void theDocumentedExampleParses(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("recording.sse"), "data: [DONE]\n\n");
        String json = """
                {
                  "model": "qwen2.5-coder-14b", "maxModelLen": 32768, "tokenize": true, "dialect": "llamacpp",
                  "steps": [
                    {"type": "replay", "fixture": "model-servers/vllm/stream-tool-call-single.sse"},
                    {"type": "replay", "file": "recording.sse", "status": 200},
                    {"type": "text", "text": "The main.tf file defines one bucket."},
                    {"type": "text", "chunks": ["The ", "main", ".tf"]},
                    {"type": "text", "text": "Hello", "chunks": 3},
                    {"type": "toolCalls", "calls": [{"name": "read_file", "arguments": {"path": "main.tf"}}],
                     "fragments": 4, "content": "I'll read it."},
                    {"type": "error", "status": 400, "body": {"error": {"message": "too long", "code": 400}}},
                    {"type": "text", "text": "Never finished", "cutAfterChunks": 2},
                    {"type": "text", "text": "Slow", "cutAfterChunks": 1, "holdOpen": true},
                    {"type": "text", "text": "One two", "delayMs": 50, "dialect": "ollama",
                     "usage": {"prompt_tokens": 120, "completion_tokens": 2}, "finishReason": "length"}
                  ]
                }""";
        Files.writeString(dir.resolve("script.json"), json);

        Script script = Script.load(dir.resolve("script.json"));

        assertEquals("qwen2.5-coder-14b", script.model());
        assertTrue(script.tokenize());
        List<Step> steps = script.steps();
        assertEquals(10, steps.size());
        assertArrayEquals("data: [DONE]\n\n".getBytes(), ((Step.Replay) steps.get(1)).body());
        assertEquals(List.of("The", " main.tf", " file", " defines", " one", " bucket."), ((Step.Text) steps.get(2)).chunks());
        assertEquals(List.of("H", "el", "lo"), ((Step.Text) steps.get(4)).chunks());
        Step.ToolCalls calls = (Step.ToolCalls) steps.get(5);
        assertEquals(JsonParser.parseString("{\"path\":\"main.tf\"}"), calls.calls().get(0).arguments());
        assertEquals(Dialect.LLAMACPP, calls.delivery().dialect(), "the script's dialect is the default");
        assertEquals(400, ((Step.HttpError) steps.get(6)).status());
        assertEquals(2, ((Step.Text) steps.get(7)).delivery().cutAfterChunks());
        assertTrue(((Step.Text) steps.get(8)).delivery().holdOpen());
        Step.Delivery last = ((Step.Text) steps.get(9)).delivery();
        assertEquals(Dialect.OLLAMA, last.dialect());
        assertEquals(Duration.ofMillis(50), last.delay());
        assertEquals(new Step.Usage(120, 2), last.usage());
        assertEquals("length", last.finishReason());
    }

    @Test
    void aBadStepIsNamedWithWhatIsWrong() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Script.parse(
                "{\"steps\":[{\"type\":\"text\",\"text\":\"ok\"},{\"type\":\"txt\"}]}", null));

        assertTrue(error.getMessage().startsWith("Step 2 of the script: unknown type 'txt'"), error.getMessage());
    }

    @Test
    void anUnknownFixtureSaysWhatNamesLookLike() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Script.parse(
                "{\"steps\":[{\"type\":\"replay\",\"fixture\":\"vllm/stream-text.sse\"}]}", null));

        assertTrue(error.getMessage().contains("model-servers/vllm/stream-text.sse"), error.getMessage());
    }

    @Test
    void aScriptThatIsNotJsonIsRefusedClearly() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Script.parse("steps:", null));

        assertTrue(error.getMessage().startsWith("A script is a JSON object"), error.getMessage());
    }

    @Test
    void fixturesAreListedFromTheBundle() {
        List<String> names = Fixtures.names("model-servers/vllm");

        assertTrue(names.contains("model-servers/vllm/stream-text.sse"), names.toString());
        assertInstanceOf(byte[].class, Fixtures.bytes(names.get(0)));
        assertEquals(List.of(), Fixtures.names("no-such-folder"));
    }
}
