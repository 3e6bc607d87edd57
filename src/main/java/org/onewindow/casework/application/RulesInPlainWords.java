package org.onewindow.casework.application;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.casework.InstantDecision;
import org.onewindow.catalog.LocalizedText;
import org.springframework.context.MessageSource;

/**
 * How an applicant is told which rules decided: by the law the item rests on and the year of the
 * rules, not by the decision table's key and hash, which stay on the staff's pages as evidence.
 */
final class RulesInPlainWords {

    /** A law's title in Chinese: the first 《…》 of the legal basis. */
    private static final Pattern CHINESE_TITLE = Pattern.compile("《[^》]+》");
    /** An English legal basis names the articles after a comma and further laws after a semicolon. */
    private static final Pattern ENGLISH_TITLE = Pattern.compile("^([^;,]+?)(?:,\\s*Articles?\\b.*)?(?:;.*)?$");
    /** The table's version starts with the year its rules were set, such as 2026.1. */
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})\\b.*");

    private RulesInPlainWords() {
    }

    /** The sentence that introduces the rules on the applicant's status page. */
    static String introduction(InstantDecision decision, LocalizedText legalBasis, String itemName, MessageSource messages,
                               Locale locale) {
        String law = law(legalBasis, locale);
        Matcher year = YEAR.matcher(decision.tableVersion() == null ? "" : decision.tableVersion());
        String key = "status.rules.intro.plain." + (law == null ? "item" : "law") + (year.matches() ? "" : ".noYear");
        return messages.getMessage(key, new Object[] {law == null ? itemName : law, year.matches() ? year.group(1) : ""}, locale);
    }

    /** The first law of the legal basis in the reader's language; none when the item names none. */
    private static String law(LocalizedText legalBasis, Locale locale) {
        String basis = legalBasis == null ? "" : legalBasis.in(locale).strip();
        Matcher chinese = CHINESE_TITLE.matcher(basis);
        if (chinese.find()) {
            return chinese.group();
        }
        Matcher english = ENGLISH_TITLE.matcher(basis);
        return english.matches() ? english.group(1).strip() : null;
    }
}
