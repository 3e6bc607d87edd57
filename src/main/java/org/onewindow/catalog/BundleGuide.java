package org.onewindow.catalog;

import java.util.List;

/**
 * What a person sees for a life event: its items, every material once (however many items ask
 * for it), and the days it takes in total.
 */
public record BundleGuide(LifeEventBundle bundle, List<ServiceItem> items, List<MergedMaterial> materials,
                          int totalPromisedDays, int totalStatutoryDays, int visits) {

    /** One document, asked for by one or more of the bundle's items. */
    public record MergedMaterial(Material material, List<String> neededBy) {
    }

    public long materialsToBring() {
        return materials.stream().filter(m -> !m.material().fetchedByPlatform()).count();
    }

    public int materialsAskedByItems() {
        return items.stream().mapToInt(i -> i.standard().materials().size()).sum();
    }
}
