package dev.daalu.server.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelEndpointTest {

    @Test
    void sideEndpointsResolveAgainstTheServerRoot() {
        ModelEndpoint endpoint = ModelEndpoint.of("http://127.0.0.1:8000/v1/");

        assertEquals("http://127.0.0.1:8000/v1/chat/completions", endpoint.url("chat/completions").toString());
        assertEquals("http://127.0.0.1:8000/tokenize", endpoint.rootUrl("tokenize").toString());
        assertEquals("http://127.0.0.1:8000/v1", endpoint.toString());
    }

    @Test
    void theApiKeyIsSentButNeverPrinted() {
        ModelEndpoint endpoint = new ModelEndpoint("http://gpu.example.net:8000/v1", "TEST-secret-key");

        assertEquals("Bearer TEST-secret-key", endpoint.request(endpoint.url("models")).build().header("Authorization"));
        assertFalse(endpoint.toString().contains("TEST-secret-key"));
    }

    @Test
    void aBadUrlSaysWhatAGoodOneLooksLike() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ModelEndpoint.of("localhost:8000"));

        assertTrue(error.getMessage().contains("e.g. http://127.0.0.1:8000/v1"), error.getMessage());
    }
}
