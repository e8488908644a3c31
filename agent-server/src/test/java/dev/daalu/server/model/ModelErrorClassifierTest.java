package dev.daalu.server.model;

import com.google.gson.JsonParser;
import dev.daalu.server.model.ModelError.Reason;
import dev.daalu.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one classifier, against the error body of every recorded server. */
class ModelErrorClassifierTest {

    private static final ModelEndpoint ENDPOINT = ModelEndpoint.of("http://127.0.0.1:8000/v1");

    @ParameterizedTest
    @CsvSource({
            "model-servers/vllm/error-context-length.json, 400, CONTEXT_LENGTH",
            "model-servers/vllm/error-context-length-legacy.json, 400, CONTEXT_LENGTH",
            "model-servers/vllm/error-model-not-found.json, 404, MODEL_NOT_FOUND",
            "model-servers/vllm/error-auto-tool-choice-disabled.json, 400, HTTP_ERROR",
            "model-servers/llamacpp/error-context-length.json, 400, CONTEXT_LENGTH",
            "model-servers/llamacpp/health-loading.json, 503, HTTP_ERROR",
            "model-servers/ollama/error-context-length.json, 400, CONTEXT_LENGTH",
            "model-servers/ollama/error-model-not-found.json, 404, MODEL_NOT_FOUND",
            "model-servers/ollama/tokenize-not-found.txt, 404, HTTP_ERROR",
    })
    void httpErrorBodies(String fixture, int status, Reason expected) {
        ModelError error = ModelErrorClassifier.httpError(ENDPOINT, status, Fixtures.text(fixture));

        assertEquals(expected, error.reason());
        assertEquals(status, error.httpStatus());
        assertEquals(ENDPOINT.toString(), error.endpoint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"error\": {\"message\": \"EngineCore encountered an issue.\", \"type\": \"BadRequestError\", \"code\": 400}}"
                    + " | STREAM_ERROR",
            "{\"object\": \"error\", \"message\": \"The input (33217 tokens) is longer than the model's context length"
                    + " (32768 tokens).\", \"code\": 400} | CONTEXT_LENGTH",
            "{\"code\":400,\"message\":\"the request exceeds the available context size. try increasing the context size"
                    + " or enable context shift\",\"type\":\"invalid_request_error\"} | CONTEXT_LENGTH",
    })
    void errorsInsideTheStream(String event, Reason expected) {
        assertEquals(expected, ModelErrorClassifier.streamError(ENDPOINT,
                JsonParser.parseString(event)).reason());
    }
}
