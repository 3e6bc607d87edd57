package org.onewindow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks HTTP to the running platform the way a script or another system would. */
public final class PlatformClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String authorization;
    private final String language;

    public PlatformClient(int port) {
        this("http://localhost:" + port, null, null);
    }

    private PlatformClient(String base, String authorization, String language) {
        this.base = base;
        this.authorization = authorization;
        this.language = language;
    }

    public PlatformClient as(String username, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new PlatformClient(base, basic, language);
    }

    public PlatformClient inLanguage(String acceptLanguage) {
        return new PlatformClient(base, authorization, acceptLanguage);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Submits an application (JSON body) with a fresh Idempotency-Key, as every client must send one. */
    public Response apply(String json) {
        return apply("/api/v1/casework/applications", json);
    }

    /** The same to another way of applying: at a window, for a whole life event. */
    public Response apply(String path, String json) {
        return send(request(path).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Request-Id").orElse(null), response.headers().firstValue("Location").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return builder;
    }

    public static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An answer from the platform. */
    public record Response(int status, String body, String contentType, String requestId, String location) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first field error of a problem detail, as "field rule". */
        public String firstError() {
            JsonNode error = json().path("errors").path(0);
            return error.path("field").asString() + " " + error.path("rule").asString();
        }
    }
}
