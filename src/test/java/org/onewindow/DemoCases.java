package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications in a given state, made through the public API by the {@link DemoPeople}: each
 * method answers the application's number, and every step must answer 2xx, so that a broken step
 * fails here, loudly, instead of in a later assertion that does not say why.
 *
 * <p>The office's steps are taken in Xihu District ({@value #XIHU}) by its clerk, who accepts
 * any department's item, and by its market-regulation handler, who reviews and decides: the steps
 * past acceptance are for a market-regulation item on the standard process (MR-001, or MR-002 when
 * its rules refer it to a person, as they do without the number of people working there).
 */
public final class DemoCases {

    /** Xihu District, where the demo office works. */
    public static final String XIHU = "330106";

    private final DemoPeople people;

    private DemoCases(DemoPeople people) {
        this.people = people;
    }

    public static DemoCases at(int port) {
        return of(DemoPeople.at(port));
    }

    public static DemoCases of(DemoPeople people) {
        return new DemoCases(people);
    }

    /** Applied for online in Xihu District. */
    public String submitted(PlatformClient applicant, String itemCode, String formJson) {
        return submitted(applicant, itemCode, XIHU, formJson);
    }

    /** Applied for online in a region. */
    public String submitted(PlatformClient applicant, String itemCode, String regionCode, String formJson) {
        var answer = applicant.apply("{\"itemCode\": \"" + itemCode + "\", \"regionCode\": \"" + regionCode + "\", \"form\": " + formJson + "}");
        assertSucceeded("submission of " + itemCode, answer);
        return answer.json().path("number").asString();
    }

    /** Applied for online in Xihu District by a proxy, in the name of a principal who authorized them for the item. */
    public String submittedOnBehalfOf(PlatformClient proxy, String principal, String itemCode, String formJson) {
        var answer = proxy.apply("{\"itemCode\": \"" + itemCode + "\", \"regionCode\": \"" + XIHU + "\", \"onBehalfOf\": \"" + principal
                + "\", \"form\": " + formJson + "}");
        assertSucceeded("submission of " + itemCode + " for " + principal, answer);
        return answer.json().path("number").asString();
    }

    /** Submitted in Xihu and returned for correction by the clerk before acceptance, with one list of reasons. */
    public String returnedForCorrection(PlatformClient applicant, String itemCode, String formJson, String... reasons) {
        String number = submitted(applicant, itemCode, formJson);
        step(people.xihuClerk(), number, "correction-request", "{\"reasons\": " + jsonArray(reasons) + "}");
        return number;
    }

    /** Submitted in Xihu and accepted by the clerk. */
    public String accepted(PlatformClient applicant, String itemCode, String formJson) {
        String number = submitted(applicant, itemCode, formJson);
        step(people.xihuClerk(), number, "acceptance", "");
        return number;
    }

    /** Accepted, reviewed and approved by the market-regulation handler. */
    public String decided(PlatformClient applicant, String itemCode, String formJson) {
        String number = accepted(applicant, itemCode, formJson);
        PlatformClient handler = people.xihuMarketHandler();
        step(handler, number, "review", "");
        step(handler, number, "decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"符合条件\"]}");
        return number;
    }

    /** Decided, its result delivered and the application closed: ready to be rated. */
    public String closed(PlatformClient applicant, String itemCode, String formJson) {
        String number = decided(applicant, itemCode, formJson);
        PlatformClient handler = people.xihuMarketHandler();
        step(handler, number, "delivery", "");
        var closure = step(handler, number, "closure", "");
        assertThat(closure.json().path("state").asString()).as("state after closing %s", number).isEqualTo("CLOSED");
        return number;
    }

    private static PlatformClient.Response step(PlatformClient who, String number, String step, String json) {
        var answer = who.post("/api/v1/casework/applications/" + number + "/" + step, json);
        assertSucceeded(step + " of " + number, answer);
        return answer;
    }

    private static void assertSucceeded(String what, PlatformClient.Response answer) {
        assertThat(answer.status()).as("%s answered %s %s", what, answer.status(), answer.body()).isBetween(200, 299);
    }

    private static String jsonArray(String... texts) {
        StringBuilder array = new StringBuilder("[");
        for (String text : texts) {
            array.append(array.length() > 1 ? ", " : "").append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append(']').toString();
    }
}
