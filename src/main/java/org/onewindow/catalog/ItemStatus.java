package org.onewindow.catalog;

/** A version's life: drafted and checked, published (then never edited in place), retired. */
public enum ItemStatus {
    DRAFT, PUBLISHED, RETIRED
}
