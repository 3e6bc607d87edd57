package org.onewindow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Calls every operation of the platform's own OpenAPI document with bad input, anonymously and
 * as a citizen: malformed JSON, wrong types, oversized and injection strings, NUL characters.
 * Nothing may answer 5xx, and every refusal must be a problem detail.
 */
@IntegrationTest
class ApiFuzzerTest {

    private static final List<String> PATH_VALUES = List.of("x", "0", "-1", "OW20261123-000042", "%27%20or%201%3D1--", "%E2%80%AE",
            "a".repeat(300), "%3Cscript%3E", "..%5C..", "99999999999999999999");
    private static final List<String> BODIES = List.of("", "{", "[1,2", "null", "[]", "\"text\"", "12", "{\"a\":",
            "{\"itemCode\": 7, \"regionCode\": [], \"form\": \"x\"}", "{\"code\": \"" + "x".repeat(5000) + "\"}",
            "{\"code\": \"' or 1=1 --\", \"name\": {\"zh\": \"<script>alert(1)</script>\", \"en\": \"${7*7}\"}}",
            "{\"username\": \"a\\u0000b\", \"password\": \"\\u0000\"}", "{\"reasons\": [null, 1, {}]}", "{\"score\": \"five\"}");

    @LocalServerPort
    int port;

    @Test
    void theApiFuzzerFindsNo500() {
        DemoPeople people = DemoPeople.at(port);
        JsonNode paths = people.anonymous().get("/v3/api-docs").json().path("paths");
        assertThat(paths.size()).isGreaterThan(20);
        List<String> findings = new ArrayList<>();
        int calls = 0;
        for (PlatformClient caller : List.of(people.anonymous(), people.zhangsan())) {
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                    for (String value : PATH_VALUES) {
                        String target = path.getKey().replaceAll("\\{[^}]+}", value);
                        List<String> bodies = "GET".equals(method) || "DELETE".equals(method) ? List.of("") : BODIES;
                        for (String body : bodies) {
                            var answer = caller.send(caller.request(target + (value.equals("x") ? "?q=%00&limit=abc" : ""))
                                    .header("Content-Type", "application/json").header("Idempotency-Key", "fuzz-key-" + calls)
                                    .method(method, HttpRequest.BodyPublishers.ofString(body)));
                            calls++;
                            boolean refusedWell = answer.status() < 400 || answer.contentType().startsWith("application/problem+json");
                            if (answer.status() >= 500 || !refusedWell) {
                                findings.add(method + " " + target + " " + abbreviated(body) + " -> " + answer.status() + " "
                                        + answer.contentType());
                            }
                        }
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(500);
        assertThat(findings).isEmpty();
    }

    private static String abbreviated(String body) {
        return body.length() > 60 ? body.substring(0, 60) + "..." : body;
    }
}
