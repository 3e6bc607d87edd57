package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With an OIDC identity provider configured by properties (e.g. the province's Keycloak), the
 * login page offers it and sends people to it with an authorization-code request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "onewindow.database.ephemeral=true",
        "onewindow.demo-data=false",
        "onewindow.pii.key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
        "spring.security.oauth2.client.registration.gov-idp.client-id=onewindow",
        "spring.security.oauth2.client.registration.gov-idp.client-secret=not-a-real-secret",
        "spring.security.oauth2.client.registration.gov-idp.client-name=Zhejiang Government Identity",
        "spring.security.oauth2.client.registration.gov-idp.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.gov-idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.gov-idp.scope=openid,profile",
        "spring.security.oauth2.client.provider.gov-idp.authorization-uri=http://127.0.0.1:9/realms/gov/protocol/openid-connect/auth",
        "spring.security.oauth2.client.provider.gov-idp.token-uri=http://127.0.0.1:9/realms/gov/protocol/openid-connect/token",
        "spring.security.oauth2.client.provider.gov-idp.jwk-set-uri=http://127.0.0.1:9/realms/gov/protocol/openid-connect/certs",
        "spring.security.oauth2.client.provider.gov-idp.user-info-uri=http://127.0.0.1:9/realms/gov/protocol/openid-connect/userinfo",
        "spring.security.oauth2.client.provider.gov-idp.user-name-attribute=preferred_username"
})
class ExternalIdentityProviderTest {

    @LocalServerPort
    int port;

    @Test
    void theLoginPageOffersTheProviderAndRedirectsToIt() {
        PlatformClient platform = new PlatformClient(port);
        assertThat(platform.get("/login").body()).contains("Zhejiang Government Identity", "/oauth2/authorization/gov-idp");

        var redirect = platform.get("/oauth2/authorization/gov-idp");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location())
                .startsWith("http://127.0.0.1:9/realms/gov/protocol/openid-connect/auth")
                .contains("response_type=code", "client_id=onewindow", "scope=openid%20profile", "state=");
    }
}
