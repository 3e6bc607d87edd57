package org.onewindow.catalog;

/** Who an item is for: natural persons, legal persons, or both. */
public enum Audience {
    PERSON, ENTERPRISE, BOTH;

    /** An item for both serves a person and an enterprise alike. */
    public boolean serves(Audience who) {
        return this == who || this == BOTH || who == BOTH;
    }
}
