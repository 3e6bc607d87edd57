package org.onewindow.catalog;

/**
 * A document an applicant needs. The code is the same for the same document across items,
 * which lets a life-event bundle ask for it only once.
 */
public record Material(String code, LocalizedText name, int originals, int copies, boolean required,
                       MaterialSource source, LocalizedText sourceNote) {

    public Material {
        sourceNote = sourceNote == null ? LocalizedText.empty() : sourceNote;
        name = name == null ? LocalizedText.empty() : name;
        source = source == null ? MaterialSource.APPLICANT : source;
    }

    /** The person does not have to bring it: the platform fetches it. */
    public boolean fetchedByPlatform() {
        return source != MaterialSource.APPLICANT;
    }

    /**
     * When two items of a life event ask for the same document, the person brings it once, as
     * strictly as the stricter of the two asks; it is fetched for them only if both can fetch it.
     */
    public Material mergedWith(Material other) {
        boolean bothFetch = fetchedByPlatform() && other.fetchedByPlatform();
        return new Material(code, name, Math.max(originals, other.originals), Math.max(copies, other.copies),
                required || other.required, bothFetch ? source : MaterialSource.APPLICANT,
                bothFetch ? sourceNote : LocalizedText.empty());
    }
}
