package org.onewindow.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person sees for a life event: its items, every material once (however many items ask
 * for it), and the days it takes in total.
 */
public record BundleGuide(LifeEventBundle bundle, List<ServiceItem> items, List<MergedMaterial> materials,
                          int totalPromisedDays, int totalStatutoryDays, int visits) {

    /** One document, asked for by one or more of the bundle's items. */
    public record MergedMaterial(Material material, List<String> neededBy) {
    }

    /** The guide of a bundle's published items: each material once, with the items that ask for it; the days of all items added up. */
    static BundleGuide of(LifeEventBundle bundle, List<ServiceItem> items) {
        Map<String, Material> merged = new LinkedHashMap<>();
        Map<String, List<String>> neededBy = new LinkedHashMap<>();
        for (ServiceItem item : items) {
            for (Material m : item.standard().materials()) {
                merged.merge(m.code(), m, Material::mergedWith);
                neededBy.computeIfAbsent(m.code(), c -> new ArrayList<>()).add(item.code());
            }
        }
        List<MergedMaterial> materials = merged.values().stream()
                .map(m -> new MergedMaterial(m, List.copyOf(neededBy.get(m.code())))).toList();
        int promised = items.stream().mapToInt(i -> i.standard().promisedDays()).sum();
        int statutory = items.stream().mapToInt(i -> i.standard().statutoryDays()).sum();
        int visits = items.stream().mapToInt(i -> i.standard().visits()).max().orElse(0);
        return new BundleGuide(bundle, items, materials, promised, statutory, visits);
    }

    public long materialsToBring() {
        return materials.stream().filter(m -> !m.material().fetchedByPlatform()).count();
    }

    public int materialsAskedByItems() {
        return items.stream().mapToInt(i -> i.standard().materials().size()).sum();
    }
}
