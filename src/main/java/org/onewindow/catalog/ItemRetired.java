package org.onewindow.catalog;

/** A service item is no longer offered. */
public record ItemRetired(String code, int version) {
}
