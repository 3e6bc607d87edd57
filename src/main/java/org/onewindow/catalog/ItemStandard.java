package org.onewindow.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.onewindow.identity.AdministrativeLevel;

/**
 * What a service item requires, the same in every county ("same item, same standard"): the
 * content of one version of an item in the standard list.
 */
public record ItemStandard(
        LocalizedText name,
        LocalizedText description,
        ItemCategory category,
        Audience audience,
        String department,
        AdministrativeLevel level,
        LocalizedText legalBasis,
        LocalizedText conditions,
        List<Material> materials,
        int statutoryDays,
        int promisedDays,
        BigDecimal feeYuan,
        LocalizedText feeNote,
        Set<Channel> channels,
        int visits,
        boolean crossProvince,
        List<String> keywordsZh,
        List<String> keywordsEn,
        List<Faq> faq,
        List<FormField> form,
        Eligibility eligibility) {

    /** An item whose conditions no identity can tell in advance (they are said in words only). */
    public ItemStandard(LocalizedText name, LocalizedText description, ItemCategory category, Audience audience, String department,
                        AdministrativeLevel level, LocalizedText legalBasis, LocalizedText conditions, List<Material> materials,
                        int statutoryDays, int promisedDays, BigDecimal feeYuan, LocalizedText feeNote, Set<Channel> channels,
                        int visits, boolean crossProvince, List<String> keywordsZh, List<String> keywordsEn, List<Faq> faq,
                        List<FormField> form) {
        this(name, description, category, audience, department, level, legalBasis, conditions, materials, statutoryDays, promisedDays,
                feeYuan, feeNote, channels, visits, crossProvince, keywordsZh, keywordsEn, faq, form, null);
    }

    public ItemStandard {
        materials = materials == null ? List.of() : List.copyOf(materials);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        keywordsZh = keywordsZh == null ? List.of() : List.copyOf(keywordsZh);
        keywordsEn = keywordsEn == null ? List.of() : List.copyOf(keywordsEn);
        faq = faq == null ? List.of() : List.copyOf(faq);
        form = form == null ? List.of() : List.copyOf(form);
        feeNote = feeNote == null ? LocalizedText.empty() : feeNote;
        legalBasis = legalBasis == null ? LocalizedText.empty() : legalBasis;
        conditions = conditions == null ? LocalizedText.empty() : conditions;
        description = description == null ? LocalizedText.empty() : description;
        name = name == null ? LocalizedText.empty() : name;
        feeYuan = feeYuan == null ? BigDecimal.ZERO : feeYuan;
        eligibility = eligibility == null ? Eligibility.none() : eligibility;
    }

    /** Materials the person must still bring or upload themselves. */
    public List<Material> materialsToBring() {
        return materials.stream().filter(m -> !m.fetchedByPlatform()).toList();
    }
}
