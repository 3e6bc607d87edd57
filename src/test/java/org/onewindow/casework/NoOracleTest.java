package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Acting on an application one may not see answers exactly as acting on one that does not exist:
 * the same status and the same body but for the number itself, on every endpoint that takes a
 * number, for a citizen who is not its applicant and for staff of another region (Xihu staff, a
 * Yinzhou application).
 */
@IntegrationTest
class NoOracleTest {

    private static final String SHOP = "{\"shopName\": \"李记小吃\", \"businessScope\": \"小吃\", \"organizationForm\": \"INDIVIDUAL\"}";
    /** Yinzhou District of Ningbo: none of the Xihu staff's business. */
    private static final String YINZHOU = "330212";
    private static final String APPLICATIONS = "/api/v1/casework/applications/";

    @LocalServerPort
    int port;
    DemoPeople people;
    String existing;
    String missing;

    @BeforeEach
    void someoneElsesApplication() {
        people = DemoPeople.at(port);
        existing = DemoCases.of(people).submitted(people.zhangsan(), "MR-002", YINZHOU, SHOP);
        missing = existing.substring(0, existing.length() - 6) + "999999";
    }

    @Test
    void someoneElsesApplicationAnswersLikeOneThatDoesNotExist() {
        PlatformClient stranger = people.lisi();
        PlatformClient otherRegion = people.xihuMarketHandler();
        PlatformClient otherRegionsClerk = people.xihuClerk();
        sameAnswer(stranger, (c, n) -> c.get(APPLICATIONS + n));
        sameAnswer(stranger, (c, n) -> c.post(APPLICATIONS + n + "/withdrawal", ""));
        sameAnswer(stranger, (c, n) -> c.post(APPLICATIONS + n + "/correction", "{\"form\": " + SHOP + "}"));
        sameAnswer(stranger, (c, n) -> c.post(APPLICATIONS + n + "/materials/reuse",
                "{\"materialCode\": \"resident-id-card\", \"fromApplication\": \"" + n + "\", \"fromMaterialCode\": \"resident-id-card\"}"));
        sameAnswer(stranger, (c, n) -> upload(c, n));
        sameAnswer(stranger, (c, n) -> c.get(APPLICATIONS + n + "/rating"));
        sameAnswer(stranger, (c, n) -> c.post(APPLICATIONS + n + "/rating", "{\"score\": 1, \"reasons\": [\"x\"]}"));
        sameAnswer(stranger, (c, n) -> c.send(c.request("/applications/" + n).header("Accept", "text/html").GET()));

        sameAnswer(otherRegion, (c, n) -> c.get(APPLICATIONS + n));
        for (String step : new String[] {"acceptance", "review", "delivery", "closure"}) {
            sameAnswer(otherRegion, (c, n) -> c.post(APPLICATIONS + n + "/" + step, ""));
        }
        sameAnswer(otherRegionsClerk, (c, n) -> c.post(APPLICATIONS + n + "/acceptance", ""));
        for (String step : new String[] {"correction-request", "refusal"}) {
            sameAnswer(otherRegionsClerk, (c, n) -> c.post(APPLICATIONS + n + "/" + step, "{\"reasons\": [\"ok\"]}"));
        }
        sameAnswer(otherRegion, (c, n) -> c.post(APPLICATIONS + n + "/decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"ok\"]}"));
        sameAnswer(otherRegion, (c, n) -> c.post(APPLICATIONS + n + "/opinion", "{\"agree\": true, \"reasons\": [\"ok\"]}"));
        sameAnswer(otherRegion, (c, n) -> c.send(c.request("/office/applications/" + n).header("Accept", "text/html").GET()));
    }

    private void sameAnswer(PlatformClient who, BiFunction<PlatformClient, String, PlatformClient.Response> call) {
        PlatformClient.Response seen = call.apply(who, existing);
        PlatformClient.Response none = call.apply(who, missing);
        assertThat(none.status()).as(none.body()).isEqualTo(404);
        assertThat(seen.status()).as(seen.body()).isEqualTo(404);
        assertThat(seen.contentType()).isEqualTo(none.contentType());
        assertThat(normalized(seen, existing)).isEqualTo(normalized(none, missing));
    }

    private static String normalized(PlatformClient.Response answer, String number) {
        // the CSRF token of a page's forms is new on every answer
        String body = answer.body().replace(number, "NUMBER").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\"");
        if (answer.requestId() != null) {
            body = body.replace(answer.requestId(), "REQUEST");
        }
        return body;
    }

    private static PlatformClient.Response upload(PlatformClient client, String number) {
        // a real PDF: the file is checked before anything is looked up, and this one passes
        return Uploads.upload(client, number, "resident-id-card", "id.pdf", "application/pdf", org.onewindow.shared.upload.SampleFiles.pdf());
    }
}
