package org.onewindow.casework;

import java.util.List;
import org.onewindow.catalog.LocalizedText;

/** A life event applied for at once: its applications, followed together, and done when every one is decided. */
public record BundleApplicationView(String number, String bundleCode, LocalizedText name, String applicant,
                                    List<ApplicationView> applications, boolean done) {
}
