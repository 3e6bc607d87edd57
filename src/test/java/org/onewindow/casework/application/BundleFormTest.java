package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.ItemCategory;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.ItemStatus;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.shared.RuleViolationException.Violation;

/** A life event's form asks each question once when its items ask it the same way, and keeps apart what only shares a name. */
class BundleFormTest {

    private static final FormField ADDRESS = text("address", true, 100);
    private static final FormField ADDRESS_OPTIONAL_SHORTER = text("address", false, 60);
    private static final FormField SIZE_AS_NUMBER = new FormField("size", label("面积"), FormField.Type.NUMBER, true, null, null);
    private static final FormField SIZE_AS_CHOICE = new FormField("size", label("规模"), FormField.Type.CHOICE, true, null,
            List.of("SMALL", "LARGE"));

    @Test
    void aQuestionSeveralItemsAskTheSameWayIsAskedOnceAndAnsweredForEach() {
        List<ServiceItem> items = List.of(item("A-1", ADDRESS), item("A-2", ADDRESS_OPTIONAL_SHORTER), item("A-3"));
        BundleForm form = BundleForm.of(items);

        assertThat(form.fields()).extracting(FormField::name).containsExactly("address");
        assertThat(form.askedByItems()).isEqualTo(2);
        // one answer serves both asks, so it meets the stricter of them
        assertThat(form.fields().getFirst().required()).isTrue();
        assertThat(form.fields().getFirst().maxLength()).isEqualTo(60);

        Map<String, Map<String, Object>> perItem = form.answersPerItem(items, Map.of("form.address", " 文三路8号 "));
        assertThat(perItem).containsOnlyKeys("A-1", "A-2", "A-3");
        assertThat(perItem.get("A-1")).containsExactly(Map.entry("address", "文三路8号"));
        assertThat(perItem.get("A-2")).containsExactly(Map.entry("address", "文三路8号"));
        assertThat(perItem.get("A-3")).isEmpty();
        assertThat(form.inputOf(Violation.of("forms.A-2.address", "application.field-required"))).isEqualTo("form-address");
    }

    @Test
    void questionsThatOnlyShareANameAreAskedApartAndEachAnswerGoesToItsOwnItem() {
        List<ServiceItem> items = List.of(item("B-1", SIZE_AS_NUMBER), item("B-2", SIZE_AS_CHOICE));
        BundleForm form = BundleForm.of(items);

        assertThat(form.fields()).extracting(FormField::name).containsExactly("size", "size-B-2");
        assertThat(form.askedByItems()).isEqualTo(2);
        var perItem = form.answersPerItem(items, Map.of("form.size", "120", "form.size-B-2", "SMALL"));
        assertThat(perItem.get("B-1")).containsExactly(Map.entry("size", 120L));
        assertThat(perItem.get("B-2")).containsExactly(Map.entry("size", "SMALL"));
        assertThat(form.inputOf(Violation.of("forms.B-2.size", "application.field-choice"))).isEqualTo("form-size-B-2");
        assertThat(form.inputOf(Violation.of("regionCode", "application.region-unknown"))).isNull();
    }

    private static FormField text(String name, boolean required, int maxLength) {
        return new FormField(name, label("地址"), FormField.Type.TEXT, required, maxLength, null);
    }

    private static LocalizedText label(String zh) {
        return new LocalizedText(zh, zh);
    }

    private static ServiceItem item(String code, FormField... form) {
        ItemStandard standard = new ItemStandard(label(code), null, ItemCategory.values()[0], Audience.BOTH, "market-regulation",
                AdministrativeLevel.COUNTY, null, null, List.of(), 20, 5, BigDecimal.ZERO, null, Set.of(Channel.ONLINE), 0, false,
                List.of(), List.of(), List.of(), List.of(form));
        return new ServiceItem(UUID.randomUUID(), code, 1, ItemStatus.PUBLISHED, standard, null, null);
    }
}
