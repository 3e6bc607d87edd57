package org.onewindow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the API, called as every kind of demo caller, against one table of who may
 * do what. An operation that is not in the table fails the test (a new endpoint needs an
 * explicit rule), and so does any answer that differs from the table.
 *
 * <p>The calls cannot change anything: path parameters name records that do not exist and
 * bodies are empty objects, so a caller who may act gets a 400, 404, 415 or 422, and a caller
 * who may not gets 401 (nobody signed in) or 403. {@code A} in the table is "may act" (any
 * answer but 401 and 403), {@code U} is 401 and {@code F} is 403. Nothing may answer 5xx.
 */
@IntegrationTest
class AuthorizationMatrixTest {

    /** Columns of the table, in order. */
    private static final List<String> CALLERS = List.of(
            "anonymous", "citizen", "enterprise", "clerk", "handler", "supervisor", "countyAdmin", "provinceAdmin", "steward");

    /**
     * Who may call what. Columns: anonymous, citizen, enterprise agent, clerk, handler, supervisor,
     * county administrator, province administrator, data steward.
     */
    private static final String EXPECTED = """
            DELETE /api/v1/casework/calendar/{day}                                U F F F F F A A F
            GET    /api/v1/audit/verification                                     U F F F F A F F F
            GET    /api/v1/casework/applications/bundles/{number}                 U A A A A A A A A
            GET    /api/v1/casework/applications/documents                        U A A A A A A A A
            GET    /api/v1/casework/applications/eligibility                      U A A A A A A A A
            GET    /api/v1/casework/applications/follow-ups                       U F F F F A F F F
            GET    /api/v1/casework/applications/inbox                            U A A A A A A A A
            GET    /api/v1/casework/applications/indicators                       U F F F F A F F F
            GET    /api/v1/casework/applications/time-limits                      U F F F F A F F F
            GET    /api/v1/casework/applications/{number}                         U A A A A A A A A
            GET    /api/v1/casework/applications/{number}/materials/{materialCode}/file U A A A A A A A A
            GET    /api/v1/casework/applications/{number}/rating                  U A A A A A A A A
            GET    /api/v1/casework/calendar                                      A A A A A A A A A
            GET    /api/v1/casework/procedures                                    U F F F F F A A F
            GET    /api/v1/casework/processes                                     U F F F F F A A F
            GET    /api/v1/casework/tasks                                         U F F A A F F F F
            GET    /api/v1/catalog/bundles                                        A A A A A A A A A
            GET    /api/v1/catalog/bundles/{code}                                 A A A A A A A A A
            GET    /api/v1/catalog/items                                          A A A A A A A A A
            GET    /api/v1/catalog/items/{code}                                   A A A A A A A A A
            GET    /api/v1/catalog/items/{code}/draft                             U F F F F F A A F
            GET    /api/v1/identity/me                                            U A A A A A A A A
            GET    /api/v1/identity/me/reads                                      U A A A A A A A A
            GET    /api/v1/identity/proxy-authorizations                          U A A A A A A A A
            GET    /api/v1/identity/staff                                         U F F F F F A A F
            GET    /api/v1/identity/staff/{username}                              U F F F F F A A F
            POST   /api/v1/casework/applications                                  U A A F F F F F F
            POST   /api/v1/casework/applications/at-window                        U F F A A F F F F
            POST   /api/v1/casework/applications/bundles                          U A A F F F F F F
            POST   /api/v1/casework/applications/{number}/acceptance              U F F A A F F F F
            POST   /api/v1/casework/applications/{number}/closure                 U F F F A F F F F
            POST   /api/v1/casework/applications/{number}/correction              U A A A F F F F F
            POST   /api/v1/casework/applications/{number}/correction-request      U F F A A F F F F
            POST   /api/v1/casework/applications/{number}/decision                U F F F A F F F F
            POST   /api/v1/casework/applications/{number}/delivery                U F F F A F F F F
            POST   /api/v1/casework/applications/{number}/materials               U A A A F F F F F
            POST   /api/v1/casework/applications/{number}/materials/reuse         U A A A F F F F F
            POST   /api/v1/casework/applications/{number}/opinion                 U F F F A F F F F
            POST   /api/v1/casework/applications/{number}/rating                  U A A F F F F F F
            POST   /api/v1/casework/applications/{number}/rating/answer           U F F F F A F F F
            POST   /api/v1/casework/applications/{number}/refusal                 U F F A A F F F F
            POST   /api/v1/casework/applications/{number}/review                  U F F F A F F F F
            POST   /api/v1/casework/applications/{number}/withdrawal              U A A F F F F F F
            POST   /api/v1/casework/processes                                     U F F F F F A A F
            POST   /api/v1/casework/tasks/{taskId}/claim                          U F F A A F F F F
            POST   /api/v1/casework/tasks/{taskId}/handover                       U F F A A F F F F
            POST   /api/v1/casework/tracking                                      A A A A A A A A A
            POST   /api/v1/catalog/bundles                                        U F F F F F A A F
            POST   /api/v1/catalog/bundles/{code}/publish                         U F F F F F F A F
            POST   /api/v1/catalog/items                                          U F F F F F A A F
            POST   /api/v1/catalog/items/{code}/publish                           U F F F F F F A F
            POST   /api/v1/catalog/items/{code}/retire                            U F F F F F F A F
            POST   /api/v1/identity/enterprises                                   A A A A A A A A A
            POST   /api/v1/identity/me/verification                               U A F F F F F F F
            POST   /api/v1/identity/persons                                       A A A A A A A A A
            POST   /api/v1/identity/proxy-authorizations                          U A A F F F F F F
            POST   /api/v1/identity/proxy-authorizations/at-window                U F F A F F F F F
            POST   /api/v1/identity/proxy-authorizations/{id}/revocation          U A A F F F F F F
            POST   /api/v1/identity/staff                                         U F F F F F A A F
            POST   /api/v1/identity/staff/{username}/disabling                    U F F F F F A A F
            POST   /api/v1/identity/staff/{username}/enabling                     U F F F F F A A F
            POST   /api/v1/identity/staff/{username}/password-reset               U F F F F F A A F
            POST   /api/v1/identity/staff/{username}/unlocking                    U F F F F F A A F
            PUT    /api/v1/casework/calendar/{day}                                U F F F F F A A F
            PUT    /api/v1/casework/procedures/{itemCode}                         U F F F F F A A F
            PUT    /api/v1/catalog/items/{code}/draft                             U F F F F F A A F
            PUT    /api/v1/catalog/items/{code}/local-implementations/{regionCode} U F F F F F A A F
            PUT    /api/v1/identity/me/password                                   U A A A A A A A A
            PUT    /api/v1/identity/staff/{username}/assignment                   U F F F F F A A F
            PUT    /api/v1/identity/staff/{username}/second-factor                U F F F F F A A F
            """;

    @LocalServerPort
    int port;

    @Test
    void everyApiOperationAnswersEveryCallerAsTheTableSays() {
        Map<String, String> expected = parse(EXPECTED);
        Map<String, PlatformClient> callers = callers();
        JsonNode paths = callers.get("anonymous").get("/v3/api-docs").json().path("paths");
        Map<String, String> actual = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                String key = method + " " + path.getKey();
                StringBuilder row = new StringBuilder();
                for (String caller : CALLERS) {
                    int status = call(callers.get(caller), method, concrete(path.getKey())).status();
                    if (status >= 500) {
                        serverErrors.add(key + " as " + caller + ": " + status);
                    }
                    row.append(row.isEmpty() ? "" : " ").append(status == 401 ? "U" : status == 403 ? "F" : "A");
                }
                actual.put(key, row.toString());
            }
        }
        assertThat(serverErrors).as("no operation answers 5xx").isEmpty();
        assertThat(format(actual)).as("the authorization matrix (actual rows, in the table's syntax)").isEqualTo(format(expected));
    }

    private Map<String, PlatformClient> callers() {
        DemoPeople people = DemoPeople.at(port);
        Map<String, Function<DemoPeople, PlatformClient>> who = new LinkedHashMap<>();
        who.put("anonymous", DemoPeople::anonymous);
        who.put("citizen", DemoPeople::zhangsan);
        who.put("enterprise", DemoPeople::xihuRestaurant);
        who.put("clerk", DemoPeople::xihuClerk);
        who.put("handler", DemoPeople::xihuMarketHandler);
        who.put("supervisor", DemoPeople::hangzhouSupervisor);
        who.put("countyAdmin", DemoPeople::xihuAdministrator);
        who.put("provinceAdmin", DemoPeople::provinceAdministrator);
        who.put("steward", DemoPeople::dataSteward);
        Map<String, PlatformClient> clients = new LinkedHashMap<>();
        who.forEach((name, client) -> clients.put(name, client.apply(people)));
        return clients;
    }

    /** A path with every parameter naming something that does not exist. */
    private static String concrete(String template) {
        return template
                .replace("{number}", "OW19990101-999999")
                .replace("{code}", "no-such-code")
                .replaceAll("\\{[^}]*[iI]d}", "00000000-0000-0000-0000-000000000000")
                .replaceAll("\\{[^}]+}", "no-such-thing");
    }

    private static PlatformClient.Response call(PlatformClient client, String method, String path) {
        HttpRequest.Builder request = client.request(path);
        if (method.equals("GET")) {
            return client.send(request.GET());
        }
        return client.send(request.header("Content-Type", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static Map<String, String> parse(String table) {
        Map<String, String> rows = new TreeMap<>();
        for (String line : table.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as("a row of the table: method, path and one cell per caller: " + line).hasSize(2 + CALLERS.size());
            rows.put(cells[0] + " " + cells[1], String.join(" ", List.of(cells).subList(2, cells.length)));
        }
        return rows;
    }

    private static String format(Map<String, String> rows) {
        StringBuilder table = new StringBuilder();
        rows.forEach((operation, cells) -> {
            String[] parts = operation.split(" ", 2);
            table.append("%-6s %-62s %s%n".formatted(parts[0], parts[1], cells));
        });
        return table.toString();
    }
}
