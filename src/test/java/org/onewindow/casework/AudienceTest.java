package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.identity.ResidentIdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Items for enterprises only refuse citizens, items for persons only refuse enterprise agents, in every channel. */
@IntegrationTest
class AudienceTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    DemoPeople people;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
    }

    @Test
    void aCitizenCannotApplyForAnEnterpriseOnlyItem() {
        int before = applications();
        // MR-003: registering a limited company
        var online = apply(people.zhangsan(), "MR-003");
        assertThat(online.status()).isEqualTo(422);
        assertThat(online.firstError()).isEqualTo("itemCode application.audience-enterprise-only");
        assertThat(online.json().path("errors").path(0).path("message").asString()).contains("企业");

        String first17 = "33010619900101123";
        String zhangsan = first17 + ResidentIdNumber.checkDigitFor(first17);
        var atWindow = people.xihuClerk().apply("/api/v1/casework/applications/at-window", "{\"itemCode\": \"MR-003\", "
                + "\"regionCode\": \"330106\", \"applicant\": {\"idNumber\": \"" + zhangsan + "\", \"name\": \"张三\"}, \"form\": {}}");
        assertThat(atWindow.status()).isEqualTo(422);
        assertThat(atWindow.firstError()).isEqualTo("itemCode application.audience-enterprise-only");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void anEnterpriseAgentCannotApplyForACitizenOnlyItem() {
        // PS-003: a residence permit is a person's
        var online = apply(people.xihuRestaurant(), "PS-003");
        assertThat(online.status()).isEqualTo(422);
        assertThat(online.firstError()).isEqualTo("itemCode application.audience-person-only");
    }

    @Test
    void anItemForBothServesEither() {
        assertThat(people.xihuRestaurant().apply("{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", \"form\": "
                + "{\"shopName\": \"西湖面馆\", \"businessScope\": \"面食\", \"organizationForm\": \"FAMILY\"}}").status()).isEqualTo(201);
    }

    @Test
    void theApplyPageSaysSoBeforeTheFormIsFilledIn() throws Exception {
        var page = new FormBrowser(port).signIn("zhangsan", DemoPeople.PASSWORD).get("/items/MR-003/apply");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("error-summary", "该事项只面向企业办理");
    }

    private static PlatformClient.Response apply(PlatformClient who, String itemCode) {
        return who.apply("{\"itemCode\": \"" + itemCode + "\", \"regionCode\": \"330106\", \"form\": {}}");
    }

    private int applications() {
        return jdbc.sql("select count(*) from application").query(Integer.class).single();
    }
}
