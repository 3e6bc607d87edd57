package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.IntegrationTest;
import org.onewindow.identity.internal.AccountStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** What identity tells the other modules: an account opened, a proxy authorization given and taken back; never personal data. */
@IntegrationTest
@RecordApplicationEvents
class IdentityEventsTest {

    @Autowired
    AccountStore accounts;
    @Autowired
    ProxyAuthorizations proxies;
    @Autowired
    ApplicationEvents events;

    @Test
    void openingAnAccountIsAnnouncedWithTheUserNameOnly() {
        String username = "e" + UUID.randomUUID().toString().substring(0, 8);
        String first17 = "11010519491231" + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        accounts.registerPerson(username, "a-long-password", "赵六", ResidentIdNumber.parse(first17 + ResidentIdNumber.checkDigitFor(first17)),
                null);

        assertThat(events.stream(AccountOpened.class)).singleElement().satisfies(opened -> {
            assertThat(opened.username()).isEqualTo(username);
            assertThat(opened.kind()).isEqualTo("PERSON");
            assertThat(opened.toString()).doesNotContain(first17);
        });
    }

    @Test
    void aProxyAuthorizationGivenAndTakenBackIsAnnouncedOnce() {
        var given = proxies.grant("lisi", "zhangsan", List.of("CA-001"), LocalDate.now().plusMonths(6), "lisi");
        proxies.revoke(given.id(), "lisi");
        proxies.revoke(given.id(), "lisi"); // taking it back twice changes nothing the second time

        assertThat(events.stream(ProxyAuthorizationGranted.class)).singleElement().satisfies(granted -> {
            assertThat(granted.principal()).isEqualTo("lisi");
            assertThat(granted.proxy()).isEqualTo("zhangsan");
            assertThat(granted.itemCodes()).containsExactly("CA-001");
        });
        assertThat(events.stream(ProxyAuthorizationRevoked.class)).singleElement()
                .satisfies(revoked -> assertThat(revoked.id()).isEqualTo(given.id()));
    }
}
