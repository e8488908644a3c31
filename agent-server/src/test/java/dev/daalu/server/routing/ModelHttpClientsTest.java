package dev.daalu.server.routing;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelHttpClientsTest {

    @Test
    void readTimeoutIsTheSilenceAllowedBetweenChunksAndNoCallTimeoutCutsALongAnswer() {
        OkHttpClient client = ModelHttpClients.create(ModelHttpClients.Timeouts.DEFAULT);

        assertEquals(10_000, client.connectTimeoutMillis());
        assertEquals(120_000, client.readTimeoutMillis());
        assertEquals(0, client.callTimeoutMillis());
    }

    @Test
    void aTierVariantSharesTheConnectionPoolAndThreads() {
        OkHttpClient shared = ModelHttpClients.create(ModelHttpClients.Timeouts.DEFAULT);

        OkHttpClient tier = ModelHttpClients.withTimeouts(shared,
                new ModelHttpClients.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(300), Duration.ofSeconds(5)));

        assertSame(shared.connectionPool(), tier.connectionPool());
        assertSame(shared.dispatcher(), tier.dispatcher());
        assertEquals(300_000, tier.readTimeoutMillis());
    }

    @Test
    void thePerimeterSeesTheRequestBeforeConnectingAndOnEveryHop() {
        Interceptor perimeter = chain -> chain.proceed(chain.request());

        OkHttpClient client = ModelHttpClients.create(ModelHttpClients.Timeouts.DEFAULT, perimeter);

        assertTrue(client.interceptors().contains(perimeter));
        assertTrue(client.networkInterceptors().contains(perimeter));
    }

    @Test
    void aTimeoutMustBePositive() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ModelHttpClients.Timeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));

        assertEquals("The connect timeout must be positive, not PT0S", error.getMessage());
    }
}
