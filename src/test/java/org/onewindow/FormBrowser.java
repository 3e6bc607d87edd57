package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives the pages as a browser without JavaScript would: its own cookies (one session), pages
 * asked for as HTML, forms posted with the CSRF token of the page that carries them, redirects
 * not followed so that tests see them.
 */
public final class FormBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public FormBrowser(int port) {
        this.port = port;
    }

    /** Signs in on the login page; the demo accounts' password is {@link DemoPeople#PASSWORD}. */
    public FormBrowser signIn(String username, String password) throws Exception {
        HttpResponse<String> login = get("/login");
        HttpResponse<String> done = post("/login", login.body(), Map.of("username", username, "password", password));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts a form the way the page that carries it would: with that page's CSRF token. */
    public HttpResponse<String> post(String path, String pageWithForm, Map<String, String> fields) throws Exception {
        Matcher token = CSRF.matcher(pageWithForm);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token.group(1) != null ? token.group(1) : token.group(2));
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A file a form sends in one of its file fields. */
    public record FormFile(String field, String fileName, String type, byte[] content) {
    }

    /**
     * Posts a form with files (multipart/form-data) the way the page would: to the form's action,
     * which carries the page's CSRF token, with the token among the fields as well.
     */
    public HttpResponse<String> postMultipart(String path, String pageWithForm, Map<String, String> fields, java.util.List<FormFile> files)
            throws Exception {
        Matcher token = CSRF.matcher(pageWithForm);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String boundary = "----formbrowser" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FormFile file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: " + file.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String separator = path.contains("?") ? "&" : "?";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + separator + "_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A file the pages link to (a document, a PDF), as its bytes. */
    public HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
