package org.onewindow.casework.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.ApplicationClosed;
import org.onewindow.casework.ApplicationDecided;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.CaseworkService;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.TestPropertySource;

/**
 * The office capability with the modules it needs and the applying capability to bring cases in:
 * a decision by a person and the end of a case are announced to the rest of the platform with the
 * facts other modules need.
 */
@ApplicationModuleTest(module = "casework.office", mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"casework.application", "casework.ratings", "casework.notifications"})
@TestPropertySource(properties = {
        "onewindow.database.ephemeral=true", "onewindow.demo-data=true",
        "onewindow.data-dir=target/test-data-office",
        "onewindow.pii.key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
        "onewindow.notifications.relay-interval-ms=3600000"
})
class OfficeModuleTest {

    private static final Map<String, Object> FOOD_SHOP = Map.of("premisesAddress", "杭州市西湖区文三路1号", "mainActivity", "RESTAURANT");

    @Autowired
    CaseworkService casework;
    @Autowired
    OfficeWork office;
    @Autowired
    StaffDirectory staff;

    @Test
    void aPersonsDecisionAndTheEndOfTheCaseAreAnnounced(AssertablePublishedEvents events) {
        StaffMember clerk = staff.requireStaff("clerk.xihu");
        StaffMember handler = staff.requireStaff("handler.xihu.mr");
        String number = casework.submitOnline("zhangsan", "MR-001", "330106", FOOD_SHOP, UUID.randomUUID().toString())
                .application().number();

        office.accept(number, clerk);
        office.startReview(number, handler);
        office.decide(number, handler, false, List.of("经营场所不符合食品安全要求"));

        assertThat(events).contains(ApplicationDecided.class)
                .matching(ApplicationDecided::number, number)
                .matching(ApplicationDecided::approved, false)
                .matching(ApplicationDecided::automatic, false)
                .matching(ApplicationDecided::decidedBy, "handler.xihu.mr");
        assertThat(events.ofType(ApplicationClosed.class).matching(closed -> closed.number().equals(number))).isEmpty();

        office.deliver(number, handler);
        office.close(number, handler);

        assertThat(events).contains(ApplicationClosed.class)
                .matching(ApplicationClosed::number, number)
                .matching(ApplicationClosed::finalState, ApplicationState.CLOSED);
    }

    @Test
    void aCaseNotAcceptedEndsThere(AssertablePublishedEvents events) {
        String number = casework.submitOnline("lisi", "MR-001", "330106", FOOD_SHOP, UUID.randomUUID().toString()).application().number();

        office.refuseToAccept(number, staff.requireStaff("clerk.xihu"), List.of("不属于本窗口受理范围"));

        assertThat(events).contains(ApplicationClosed.class)
                .matching(ApplicationClosed::number, number)
                .matching(ApplicationClosed::finalState, ApplicationState.NOT_ACCEPTED);
        assertThat(events.ofType(ApplicationDecided.class).matching(decided -> decided.number().equals(number))).isEmpty();
    }
}
