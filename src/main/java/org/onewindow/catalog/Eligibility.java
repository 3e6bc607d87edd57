package org.onewindow.catalog;

/**
 * The conditions of an item that a person's verified identity can tell before they apply: an age
 * (from the birth date in the ID number) and a household registration (户籍) in a region, as the
 * leading digits of its code ("33" Zhejiang, "3301" Hangzhou). Null means no such condition; the
 * item's conditions in words still say everything else.
 */
public record Eligibility(Integer minimumAge, Integer maximumAge, String hukouRegion) {

    private static final Eligibility NONE = new Eligibility(null, null, null);

    public Eligibility {
        hukouRegion = hukouRegion == null || hukouRegion.isBlank() ? null : hukouRegion.strip();
    }

    public static Eligibility none() {
        return NONE;
    }

    public boolean nothingToCheck() {
        return minimumAge == null && maximumAge == null && hukouRegion == null;
    }
}
