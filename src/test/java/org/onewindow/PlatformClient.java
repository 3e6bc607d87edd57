package org.onewindow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks HTTP to the running platform the way a script or another system would: the API with HTTP
 * Basic, pages the way a browser does (pages refuse Basic), with a session from the sign-in form,
 * opened at the first page asked for and kept by this client.
 */
public final class PlatformClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String authorization;
    private final String language;
    private final String username;
    private final String password;
    private final AtomicReference<String> pageSession;

    public PlatformClient(int port) {
        this("http://localhost:" + port, null, null, null, null, new AtomicReference<>());
    }

    private PlatformClient(String base, String authorization, String language, String username, String password,
                           AtomicReference<String> pageSession) {
        this.base = base;
        this.authorization = authorization;
        this.language = language;
        this.username = username;
        this.password = password;
        this.pageSession = pageSession;
    }

    public PlatformClient as(String username, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new PlatformClient(base, basic, language, username, password, new AtomicReference<>());
    }

    public PlatformClient inLanguage(String acceptLanguage) {
        return new PlatformClient(base, authorization, acceptLanguage, username, password, pageSession);
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
        if (authorization != null && (path.startsWith("/api/") || path.startsWith("/actuator/"))) {
            builder.header("Authorization", authorization);
        } else if (authorization != null) {
            builder.header("Cookie", pageSession.updateAndGet(open -> open != null ? open : signInThroughTheForm()));
        }
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return builder;
    }

    /** The session cookie of a sign-in through the form, the way a person signs in to the pages. */
    private String signInThroughTheForm() {
        try {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher csrf = CSRF_FIELD.matcher(form.body());
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String cookie = form.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElseThrow();
            String fields = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("signing in to the pages as " + username + " failed: " + signedIn.statusCode() + " " + location);
            }
            return signedIn.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(cookie);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

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
