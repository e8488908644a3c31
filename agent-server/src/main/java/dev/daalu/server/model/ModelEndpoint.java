package dev.daalu.server.model;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Where an OpenAI-compatible server listens: its {@code /v1} base URL and an optional API key.
 *
 * <p>Side endpoints that servers keep outside {@code /v1} ({@code /tokenize}, llama.cpp's {@code /props},
 * Ollama's {@code /api/...}) are resolved against the {@linkplain #rootUrl server root}: the base URL
 * without its trailing {@code /v1}.
 *
 * @param baseUrl e.g. {@code http://127.0.0.1:8000/v1}; a trailing slash is dropped
 * @param apiKey sent as {@code Authorization: Bearer}; null or blank for none. Never printed.
 */
public record ModelEndpoint(String baseUrl, String apiKey) {

    public ModelEndpoint {
        HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
        if (parsed == null) {
            throw new IllegalArgumentException("Not an http(s) URL for a model server: '" + baseUrl
                    + "'. Use its OpenAI base URL, e.g. http://127.0.0.1:8000/v1");
        }
        baseUrl = stripTrailingSlash(baseUrl.strip());
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    public static ModelEndpoint of(String baseUrl) {
        return new ModelEndpoint(baseUrl, null);
    }

    /** {@code path} under the base URL, e.g. {@code url("chat/completions")}. */
    public HttpUrl url(String path) {
        return HttpUrl.get(baseUrl + "/" + path);
    }

    /** {@code path} under the server root, e.g. {@code rootUrl("tokenize")} for vLLM's {@code /tokenize}. */
    public HttpUrl rootUrl(String path) {
        String root = baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - "/v1".length()) : baseUrl;
        return HttpUrl.get(root + "/" + path);
    }

    /** A request to {@code url} carrying the API key when there is one. */
    public Request.Builder request(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url);
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    /** The base URL; the API key is left out so that logs and messages never carry it. */
    @Override
    public String toString() {
        return baseUrl;
    }

    private static String stripTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
