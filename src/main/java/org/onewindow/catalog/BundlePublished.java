package org.onewindow.catalog;

/** A life-event bundle was published (replacing its previous version). */
public record BundlePublished(String code, int version) {
}
