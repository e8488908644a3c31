package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;

/**
 * Small JSON requests to a model server's side endpoints ({@code /v1/models}, {@code /tokenize},
 * {@code /props}, Ollama's {@code /api/...}), with the same errors as a chat call.
 */
final class ServerJson {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final ModelEndpoint endpoint;

    ServerJson(OkHttpClient http, ModelEndpoint endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    ModelEndpoint endpoint() {
        return endpoint;
    }

    JsonElement get(HttpUrl url) throws ModelError {
        return json(endpoint.request(url).get().build());
    }

    JsonElement post(HttpUrl url, JsonObject body) throws ModelError {
        return json(endpoint.request(url).post(RequestBody.create(body.toString(), JSON)).build());
    }

    /** The body as text, for endpoints that answer plain text (Ollama's {@code GET /}). */
    String getText(HttpUrl url) throws ModelError {
        return text(endpoint.request(url).get().build());
    }

    private JsonElement json(Request request) throws ModelError {
        String body = text(request);
        return StrictJson.parse(body).orElseThrow(() -> ModelErrorClassifier.badResponse(endpoint,
                request.method() + " " + request.url().encodedPath() + " did not answer JSON", body));
    }

    private String text(Request request) throws ModelError {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw ModelErrorClassifier.httpError(endpoint, response.code(), body);
            }
            return body;
        } catch (IOException e) {
            throw ModelErrorClassifier.transport(endpoint, e, false, false, http.readTimeoutMillis());
        }
    }
}
