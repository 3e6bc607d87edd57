package org.onewindow.catalog;

/** A new version of a service item became the standard; the previous one, if any, was retired. */
public record ItemPublished(String code, int version) {
}
