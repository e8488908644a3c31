package dev.daalu.server.routing;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerimeterInterceptorTest {

    private final MockWebServer allowed = new MockWebServer();
    private final MockWebServer stray = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        allowed.start();
        stray.start();
    }

    @AfterEach
    void stop() {
        allowed.close();
        stray.close();
    }

    @Test
    void passesRequestsToAnAllowedTierAndRefusesEveryOtherDestination() throws IOException {
        allowed.enqueue(new MockResponse.Builder().body("ok").build());
        OkHttpClient client = new OkHttpClient.Builder()
                .addNetworkInterceptor(new PerimeterInterceptor(Set.of("http://" + allowed.getHostName() + ":" + allowed.getPort())))
                .build();

        try (Response response = client.newCall(new Request.Builder().url(allowed.url("/v1/models")).build()).execute()) {
            assertEquals("ok", response.body().string());
        }
        IOException refused = assertThrows(IOException.class,
                () -> client.newCall(new Request.Builder().url(stray.url("/v1/chat/completions")).build()).execute());

        assertTrue(refused.getMessage().contains("not an allowed in-perimeter inference tier"), refused.getMessage());
        assertEquals(0, stray.getRequestCount(), "the stray server received nothing");
    }

    @Test
    void refusesARedirectOutOfThePerimeter() {
        allowed.enqueue(new MockResponse.Builder().code(307).addHeader("Location", stray.url("/v1/chat/completions")).build());
        OkHttpClient client = new OkHttpClient.Builder()
                .addNetworkInterceptor(new PerimeterInterceptor(Set.of("http://" + allowed.getHostName() + ":" + allowed.getPort())))
                .build();

        assertThrows(IOException.class,
                () -> client.newCall(new Request.Builder().url(allowed.url("/v1/chat/completions")).build()).execute().close());

        assertEquals(0, stray.getRequestCount());
    }
}
