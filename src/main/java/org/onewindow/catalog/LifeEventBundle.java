package org.onewindow.catalog;

import java.util.List;
import java.util.UUID;

/** A life event ("one thing, done once"): several items a person applies for together. */
public record LifeEventBundle(UUID id, String code, int version, ItemStatus status, LocalizedText name,
                              LocalizedText description, Audience audience, List<String> itemCodes) {

    public LifeEventBundle {
        itemCodes = itemCodes == null ? List.of() : List.copyOf(itemCodes);
        // the description is optional; pages and the API show an empty text rather than fail
        name = name == null ? LocalizedText.empty() : name;
        description = description == null ? LocalizedText.empty() : description;
    }
}
