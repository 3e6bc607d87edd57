package org.onewindow.casework.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.ServiceRated;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.FourEyes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ratings capability with the case file it rates and the notifications that react to it: a
 * rating is announced, and a bad one reaches the region's supervisors through the event
 * publication registry, after the rating committed, once.
 */
@ApplicationModuleTest(module = "casework.ratings", mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = "casework.notifications")
@TestPropertySource(properties = {
        "onewindow.database.ephemeral=true", "onewindow.demo-data=true",
        "onewindow.data-dir=target/test-data-ratings",
        "onewindow.pii.key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
        "onewindow.notifications.relay-interval-ms=3600000"
})
class RatingsModuleTest {

    @Autowired
    ServiceRatings ratings;
    @Autowired
    CaseFiles files;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBadRatingIsAnnouncedAndItsSupervisorsHearOfItOnce(Scenario scenario) {
        String number = aClosedCase("zhangsan");

        scenario.stimulate(() -> ratings.rate(number, "zhangsan", 1, List.of("等了三个星期")))
                .andWaitForStateChange(() -> told("supervisor.hangzhou", number), count -> count > 0)
                .andVerify(count -> assertThat(count).isEqualTo(1));

        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like :n")
                .param("n", "%" + number + "%").query(Integer.class).single()).as("every publication completed").isZero();
    }

    @Test
    void aGoodRatingIsAnnouncedWithoutAFollowUp(Scenario scenario) {
        String number = aClosedCase("lisi");

        scenario.stimulate(() -> ratings.rate(number, "lisi", 5, List.of()))
                .andWaitForEventOfType(ServiceRated.class)
                .matching(rated -> rated.number().equals(number))
                .toArriveAndVerify(rated -> {
                    assertThat(rated.score()).isEqualTo(5);
                    assertThat(rated.followUp()).isFalse();
                    assertThat(told("supervisor.hangzhou", number)).isZero();
                });
    }

    /** A case taken through to its end by the aggregate itself: ratings needs no process and no office to rate it. */
    private String aClosedCase(String applicant) {
        Clock clock = Clock.systemUTC();
        Application a = Application.submit("OW-RATED-" + UUID.randomUUID().toString().substring(0, 8), "MR-002", 1, "330106", applicant,
                applicant, SubmissionChannel.ONLINE, 5, Map.of(), clock);
        a.accept("clerk.xihu", clock);
        a.startReview("handler.xihu.mr", clock);
        a.approve("handler.xihu.mr", List.of("材料齐全"), FourEyes.Check.off(), clock);
        a.deliver("handler.xihu.mr", clock);
        a.close("handler.xihu.mr", clock);
        transaction.executeWithoutResult(status -> files.open(a, null, null, null));
        return a.number();
    }

    private int told(String supervisor, String number) {
        return jdbc.sql("select count(*) from notification where recipient = :r and application_number = :n and step = 'bad-rating'")
                .param("r", supervisor).param("n", number).query(Integer.class).single();
    }
}
