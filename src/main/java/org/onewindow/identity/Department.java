package org.onewindow.identity;

import java.util.Objects;

/**
 * A department of a government at one node of the tree: the market regulation bureau of Xihu
 * District is {@code 330106:market-regulation}. A standard item names only the kind of its
 * responsible department; the node comes from where the application is handled.
 */
public record Department(String regionCode, String kind) {

    public Department {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(kind, "kind");
    }

    /** Reads the stored form {@code region:kind}; null for null, refused for anything else. */
    public static Department parse(String id) {
        if (id == null) {
            return null;
        }
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            throw new IllegalArgumentException("a department is written region:kind, not " + id);
        }
        return new Department(id.substring(0, colon), id.substring(colon + 1));
    }

    /** Whether this is the kind of department a standard item names as responsible. */
    public boolean isOfKind(String departmentKind) {
        return kind.equals(departmentKind);
    }

    /** The stored form, {@code region:kind}. */
    public String id() {
        return regionCode + ":" + kind;
    }

    @Override
    public String toString() {
        return id();
    }
}
