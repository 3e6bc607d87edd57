package org.onewindow.catalog;

/** A city or county published (or changed) how it implements a standard item. */
public record LocalImplementationPublished(String itemCode, String regionCode) {
}
