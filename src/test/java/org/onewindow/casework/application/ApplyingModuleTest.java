package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.ApplicationDecided;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.ApplicationSubmitted;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applying capability on its own, with only the modules it needs (processes, decisions, the
 * case file, catalog, identity, shared): what it announces to the rest of the platform, and the
 * reasons it stores.
 */
@ApplicationModuleTest(module = "casework.application", mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {
        "onewindow.database.ephemeral=true", "onewindow.demo-data=true",
        "onewindow.data-dir=target/test-data-applying",
        "onewindow.pii.key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
        "onewindow.notifications.relay-interval-ms=3600000"
})
class ApplyingModuleTest {

    private static final Map<String, Object> SMALL_SHOP = Map.of("shopName", "小周烧饼", "businessScope", "烧饼", "employees", 3,
            "organizationForm", "INDIVIDUAL");

    @Autowired
    CaseworkService casework;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @AfterEach
    void defaultLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aClearCaseIsAnnouncedAsSubmittedAndDecidedByTheRules(AssertablePublishedEvents events) {
        String applicant = "p" + UUID.randomUUID().toString().substring(0, 8);
        var submission = casework.submitOnline(applicant, "MR-002", "330106", SMALL_SHOP, UUID.randomUUID().toString());
        String number = submission.application().number();

        assertThat(submission.application().state()).isEqualTo(ApplicationState.APPROVED);
        assertThat(events).contains(ApplicationSubmitted.class)
                .matching(ApplicationSubmitted::number, number)
                .matching(ApplicationSubmitted::applicant, applicant)
                .matching(ApplicationSubmitted::channel, SubmissionChannel.ONLINE);
        assertThat(events).contains(ApplicationDecided.class)
                .matching(ApplicationDecided::number, number)
                .matching(ApplicationDecided::approved, true)
                .matching(ApplicationDecided::automatic, true);
    }

    @Test
    void aCaseForAPersonIsAnnouncedAsSubmittedButNotDecided(AssertablePublishedEvents events) {
        var big = Map.<String, Object>of("shopName", "大周烧饼", "businessScope", "烧饼", "employees", 20, "organizationForm", "FAMILY");
        String number = casework.submitOnline("p" + UUID.randomUUID().toString().substring(0, 8), "MR-002", "330106", big,
                UUID.randomUUID().toString()).application().number();

        assertThat(events).contains(ApplicationSubmitted.class).matching(ApplicationSubmitted::number, number);
        assertThat(events.ofType(ApplicationDecided.class).matching(decided -> decided.number().equals(number))).isEmpty();
    }

    @Test
    void theRulesReasonsAreStoredInBothLanguagesAndReadInTheReadersLanguage() {
        String applicant = "p" + UUID.randomUUID().toString().substring(0, 8);
        String number = casework.submitOnline(applicant, "MR-002", "330106", SMALL_SHOP, UUID.randomUUID().toString())
                .application().number();

        String stored = jdbc.sql("""
                select s.reasons::text from application_step s join application a on a.id = s.application_id
                where a.number = :n and s.step = 'approved'""").param("n", number).query(String.class).single();
        var reason = json.readTree(stored).get(0);
        assertThat(reason.path("zh").asString()).contains("自动核准");
        assertThat(reason.path("en").asString()).contains("approved at once");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        TimelineEntry approval = casework.follow(number, applicant, Optional.empty()).timeline().getLast();
        assertThat(json.writeValueAsString(approval)).contains("approved at once").doesNotContain("自动核准");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(json.writeValueAsString(approval)).contains("自动核准");
    }
}
