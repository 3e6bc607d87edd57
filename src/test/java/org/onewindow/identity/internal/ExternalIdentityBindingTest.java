package org.onewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.identity.ResidentIdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A provider that asserts the ID number has verified it: the person signs in as the account that holds it. */
@IntegrationTest
class ExternalIdentityBindingTest {

    @LocalServerPort
    int port;
    @Autowired
    ExternalIdentityBinding binding;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAssertedIdNumberCountsAsVerifiedAndBringsWhatWasFiledAtAWindow() {
        String idNumber = DemoPeople.aNewIdNumber();
        String name = SimulatedRealNameRegister.personOf(idNumber).name();
        var filed = DemoPeople.at(port).xihuClerk().apply("/api/v1/casework/applications/at-window", "{\"itemCode\": \"MR-002\", "
                + "\"regionCode\": \"330106\", \"applicant\": {\"idNumber\": \"" + idNumber + "\", \"name\": \"" + name + "\"}, \"form\": "
                + "{\"shopName\": \"面馆\", \"businessScope\": \"面食\", \"organizationForm\": \"FAMILY\"}}");
        assertThat(filed.status()).isEqualTo(201);
        String number = filed.json().path("number").asString();

        String providerName = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
        OidcUser signedIn = binding.bind(asserted(providerName, name, idNumber), "gov-idp");
        assertThat(signedIn.getName()).isEqualTo(providerName);
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_CITIZEN");
        assertThat(jdbc.sql("select identity_verified_by from account where username = :u").param("u", providerName)
                .query(String.class).single()).isEqualTo("oidc:gov-idp");
        assertThat(jdbc.sql("select applicant from application where number = :n").param("n", number).query(String.class).single())
                .isEqualTo(providerName);
    }

    @Test
    void theVerifiedAccountOfTheNumberIsTheOneSignedIn() {
        String zhangsan = "33010619900101123" + ResidentIdNumber.checkDigitFor("33010619900101123");
        assertThat(binding.bind(asserted("zs-at-the-provider", "张三", zhangsan), "gov-idp").getName()).isEqualTo("zhangsan");
    }

    @Test
    void withoutAnAssertedNumberNothingIsBound() {
        OidcUser plain = asserted("someone-" + UUID.randomUUID().toString().substring(0, 6), "某人", null);
        assertThat(binding.bind(plain, "gov-idp")).isSameAs(plain);
        assertThat(jdbc.sql("select count(*) from account where username = :u").param("u", plain.getName()).query(Integer.class).single())
                .isZero();
    }

    private static OidcUser asserted(String username, String name, String idNumber) {
        var token = OidcIdToken.withTokenValue("token").subject(username).claim("preferred_username", username).claim("name", name)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (idNumber != null) {
            token.claim("id_number", idNumber);
        }
        return new DefaultOidcUser(List.of(), token.build(), "preferred_username");
    }
}
