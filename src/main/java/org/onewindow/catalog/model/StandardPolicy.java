package org.onewindow.catalog.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.Eligibility;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.LifeEventBundle;
import org.onewindow.catalog.LocalImplementation;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.catalog.Material;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.DepartmentKind;
import org.onewindow.shared.RuleViolationException.Violation;

/**
 * The rules of the standard list. An item must be complete and consistent before it is
 * published; a city or county may add local details to it and may promise better, but never
 * ask for more ("same item, same standard" / 无差别受理).
 */
public final class StandardPolicy {

    static final Pattern ITEM_CODE = Pattern.compile("^[A-Z]{2,3}-[0-9]{3,6}$");
    static final Pattern BUNDLE_CODE = Pattern.compile("^[a-z0-9-]{3,60}$");
    private static final Pattern MATERIAL_CODE = Pattern.compile("^[a-z0-9-]{2,60}$");
    private static final int MAX_STATUTORY_DAYS = 365;

    private StandardPolicy() {
    }

    public static List<Violation> checkItem(String code, ItemStandard s) {
        List<Violation> broken = new ArrayList<>();
        if (code == null || !ITEM_CODE.matcher(code).matches()) {
            broken.add(Violation.of("code", "item.code-format"));
        }
        bilingual(broken, "name", s.name());
        bilingual(broken, "description", s.description());
        bilingual(broken, "legalBasis", s.legalBasis());
        if (s.category() == null) {
            broken.add(Violation.of("category", "item.category-required"));
        }
        if (s.audience() == null) {
            broken.add(Violation.of("audience", "item.audience-required"));
        }
        if (s.level() == null || s.level() == AdministrativeLevel.VILLAGE) {
            broken.add(Violation.of("level", "item.level-implementing"));
        }
        if (DepartmentKind.ofCode(s.department()).isEmpty()) {
            broken.add(Violation.of("department", "item.department-unknown"));
        }
        if (s.statutoryDays() < 0 || s.statutoryDays() > MAX_STATUTORY_DAYS) {
            broken.add(Violation.of("statutoryDays", "item.statutory-days-range", MAX_STATUTORY_DAYS));
        }
        if (s.promisedDays() < 0 || s.promisedDays() > s.statutoryDays()) {
            broken.add(Violation.of("promisedDays", "item.promised-within-statutory"));
        }
        if (s.feeYuan().signum() < 0) {
            broken.add(Violation.of("feeYuan", "item.fee-negative"));
        }
        if (s.visits() < 0 || s.visits() > 1) {
            broken.add(Violation.of("visits", "item.visits-at-most-one"));
        }
        if (s.channels().isEmpty()) {
            broken.add(Violation.of("channels", "item.channel-required"));
        } else if (s.visits() == 0 && s.channels().equals(Set.of(Channel.WINDOW))) {
            broken.add(Violation.of("visits", "item.zero-visits-needs-remote-channel"));
        }
        Set<String> materialCodes = new HashSet<>();
        for (int i = 0; i < s.materials().size(); i++) {
            Material m = s.materials().get(i);
            String field = "materials[" + i + "]";
            if (m.code() == null || !MATERIAL_CODE.matcher(m.code()).matches()) {
                broken.add(Violation.of(field + ".code", "material.code-format"));
            } else if (!materialCodes.add(m.code())) {
                broken.add(Violation.of(field + ".code", "material.code-duplicate", m.code()));
            }
            bilingual(broken, field + ".name", m.name());
            if (m.originals() < 0 || m.copies() < 0) {
                broken.add(Violation.of(field, "material.count-negative"));
            }
        }
        checkForm(broken, s.form());
        checkEligibility(broken, s.eligibility());
        return broken;
    }

    private static final Pattern REGION_PREFIX = Pattern.compile("^[0-9]{2}([0-9]{2}){0,2}$");
    private static final int OLDEST = 150;

    /** Conditions a verified identity is checked against must be ones it can tell: ages a person can have, a region's code. */
    private static void checkEligibility(List<Violation> broken, Eligibility e) {
        Integer min = e.minimumAge();
        Integer max = e.maximumAge();
        if (min != null && (min < 0 || min > OLDEST)) {
            broken.add(Violation.of("eligibility.minimumAge", "item.eligibility-age-range", OLDEST));
        }
        if (max != null && (max < 0 || max > OLDEST)) {
            broken.add(Violation.of("eligibility.maximumAge", "item.eligibility-age-range", OLDEST));
        }
        if (min != null && max != null && min > max) {
            broken.add(Violation.of("eligibility.maximumAge", "item.eligibility-ages-order"));
        }
        if (e.hukouRegion() != null && !REGION_PREFIX.matcher(e.hukouRegion()).matches()) {
            broken.add(Violation.of("eligibility.hukouRegion", "item.eligibility-region-format"));
        }
    }

    private static final Pattern FIELD_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,40}$");

    private static void checkForm(List<Violation> broken, List<FormField> form) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < form.size(); i++) {
            FormField f = form.get(i);
            String field = "form[" + i + "]";
            if (f.name() == null || !FIELD_NAME.matcher(f.name()).matches()) {
                broken.add(Violation.of(field + ".name", "form.field-name"));
            } else if (!names.add(f.name())) {
                broken.add(Violation.of(field + ".name", "form.field-duplicate", f.name()));
            }
            bilingual(broken, field + ".label", f.label());
            if (f.type() == null) {
                broken.add(Violation.of(field + ".type", "form.field-type-required"));
            } else if (f.type() == FormField.Type.CHOICE && f.options().isEmpty()) {
                broken.add(Violation.of(field + ".options", "form.choice-needs-options"));
            }
            if (f.maxLength() != null && (f.maxLength() < 1 || f.maxLength() > 2_000)) {
                broken.add(Violation.of(field + ".maxLength", "form.max-length-range"));
            }
        }
    }

    /** A local implementation may tighten the standard, never loosen it. */
    public static List<Violation> checkLocal(LocalImplementation local, ItemStandard standard) {
        List<Violation> broken = new ArrayList<>();
        if (local.promisedDays() != null && local.promisedDays() > standard.promisedDays()) {
            broken.add(Violation.of("promisedDays", "local.more-days", standard.promisedDays()));
        }
        if (local.feeYuan() != null && local.feeYuan().compareTo(standard.feeYuan()) > 0) {
            broken.add(Violation.of("feeYuan", "local.higher-fee", standard.feeYuan()));
        }
        if (local.visits() != null && local.visits() > standard.visits()) {
            broken.add(Violation.of("visits", "local.more-visits", standard.visits()));
        }
        if (local.promisedDays() != null && local.promisedDays() < 0 || local.feeYuan() != null && local.feeYuan().signum() < 0
                || local.visits() != null && local.visits() < 0) {
            broken.add(Violation.of("promisedDays", "local.negative"));
        }
        if (local.materialCodes() != null) {
            Set<String> standardCodes = new HashSet<>();
            standard.materials().forEach(m -> standardCodes.add(m.code()));
            local.materialCodes().stream().filter(c -> !standardCodes.contains(c)).findFirst()
                    .ifPresent(extra -> broken.add(Violation.of("materialCodes", "local.more-materials", extra)));
        }
        if (local.phone() != null && !local.phone().isBlank() && !local.phone().matches("^[0-9+() -]{5,20}$")) {
            broken.add(Violation.of("phone", "local.phone-format"));
        }
        return broken;
    }

    public static List<Violation> checkBundle(LifeEventBundle bundle) {
        List<Violation> broken = new ArrayList<>();
        if (bundle.code() == null || !BUNDLE_CODE.matcher(bundle.code()).matches()) {
            broken.add(Violation.of("code", "bundle.code-format"));
        }
        bilingual(broken, "name", bundle.name());
        if (bundle.audience() == null) {
            broken.add(Violation.of("audience", "item.audience-required"));
        }
        if (bundle.itemCodes().size() < 2 || bundle.itemCodes().size() > 30) {
            broken.add(Violation.of("itemCodes", "bundle.item-count"));
        }
        if (new HashSet<>(bundle.itemCodes()).size() != bundle.itemCodes().size()) {
            broken.add(Violation.of("itemCodes", "bundle.item-duplicate"));
        }
        return broken;
    }

    private static void bilingual(List<Violation> broken, String field, LocalizedText text) {
        if (text == null || !text.inBothLanguages()) {
            broken.add(Violation.of(field, "text.bilingual-required"));
        }
    }
}
