package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.InstantDecision;
import org.onewindow.catalog.LocalizedText;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The applicant is told which rules decided by the law they rest on and their year, never by the table's key and hash. */
class RulesInPlainWordsTest {

    private static final LocalizedText SOLE_TRADER_BASIS = new LocalizedText(
            "《中华人民共和国市场主体登记管理条例》第三条、第十九条；《促进个体工商户发展条例》",
            "Regulations on the Registration of Market Entities of the PRC, Articles 3 and 19; Regulations on Promoting the Development of Individual Businesses");
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    RulesInPlainWordsTest() {
        messages.setBasenames("i18n/casework-pages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Test
    void theRulesAreNamedAfterTheFirstLawOfTheItemAndTheirYear() {
        InstantDecision decision = decision("2026.1/e3b4443f95ab");
        assertThat(RulesInPlainWords.introduction(decision, SOLE_TRADER_BASIS, "个体工商户设立登记", messages, CHINESE))
                .isEqualTo("这份申请按《中华人民共和国市场主体登记管理条例》的自动审批规则（2026 版）判断：");
        assertThat(RulesInPlainWords.introduction(decision, SOLE_TRADER_BASIS, "Register as a sole trader", messages, Locale.ENGLISH))
                .isEqualTo("The automatic approval rules based on Regulations on the Registration of Market Entities of the PRC "
                        + "(2026 edition) looked at this application:");
    }

    @Test
    void withoutALegalBasisTheItemNamesThem_andAVersionWithoutAYearIsLeftOut() {
        InstantDecision decision = decision("1/e3b4443f95ab");
        String chinese = RulesInPlainWords.introduction(decision, LocalizedText.empty(), "个体工商户设立登记", messages, CHINESE);
        String english = RulesInPlainWords.introduction(decision, null, "Register as a sole trader", messages, Locale.ENGLISH);
        assertThat(chinese).isEqualTo("这份申请按“个体工商户设立登记”的自动审批规则判断：");
        assertThat(english).isEqualTo("The automatic approval rules of “Register as a sole trader” looked at this application:");
        assertThat(chinese + english).doesNotContain("mr-002-instant", "e3b4443f95ab");
    }

    private static InstantDecision decision(String version) {
        return new InstantDecision("mr-002-instant", version, Map.of(), List.of(), InstantDecision.Outcome.APPROVE);
    }
}
