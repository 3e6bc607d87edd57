package org.onewindow.casework.pages;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.MaterialSummary;
import org.onewindow.catalog.Material;
import org.onewindow.catalog.ServiceItem;

/**
 * Documents as the pages name them: by what the item calls them in the reader's language
 * ("Resident identity card"), not by their codes ({@code resident-id-card}).
 */
public final class MaterialNames {

    private static final List<String> DOCUMENT_STEPS = List.of("material-uploaded", "material-reused");

    private MaterialNames() {
    }

    /** The newest document of each kind handed in, as a page lists it: the name, the file, its size, when. */
    public record HandedIn(String code, String name, String fileName, String size, String at) {
    }

    public static List<HandedIn> handedIn(ApplicationView application, Optional<ServiceItem> item, Locale locale) {
        Map<String, MaterialSummary> newest = new LinkedHashMap<>();
        application.materials().stream().sorted(Comparator.comparing(MaterialSummary::uploadedAt).reversed())
                .forEach(m -> newest.putIfAbsent(m.materialCode(), m));
        return newest.values().stream()
                .map(m -> new HandedIn(m.materialCode(), name(m.materialCode(), item, locale), m.fileName(), size(m.sizeBytes()),
                        PlainWords.time(m.uploadedAt())))
                .toList();
    }

    /** The timeline with the documents' steps saying the documents' names ("Resident identity card: id.pdf"). */
    public static List<PlainWords.Step> inTimeline(List<PlainWords.Step> timeline, Optional<ServiceItem> item, Locale locale) {
        return timeline.stream().map(step -> DOCUMENT_STEPS.contains(step.step())
                ? new PlainWords.Step(step.at(), step.step(), step.what(), step.who(),
                        step.reasons().stream().map(reason -> named(reason, item, locale)).toList())
                : step).toList();
    }

    public static String name(String code, Optional<ServiceItem> item, Locale locale) {
        return item.flatMap(i -> i.standard().materials().stream().filter(m -> m.code().equals(code)).findFirst())
                .map(Material::name).map(n -> n.in(locale)).filter(n -> n != null && !n.isBlank())
                .orElse(code);
    }

    /** A step's words are "code: file name" (and "← number" when reused); the code becomes the name. */
    private static String named(String reason, Optional<ServiceItem> item, Locale locale) {
        int colon = reason.indexOf(": ");
        return colon < 0 ? reason : name(reason.substring(0, colon), item, locale) + reason.substring(colon);
    }

    private static String size(int bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
}
