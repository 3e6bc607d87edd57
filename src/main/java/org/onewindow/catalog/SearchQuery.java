package org.onewindow.catalog;

import org.onewindow.identity.AdministrativeLevel;

/**
 * What a person is looking for in the catalog: their own words, in Chinese or English, and
 * optional filters. Blank words browse the whole catalog in code order; a null filter does not
 * filter.
 *
 * @param text       the person's words, never read as query syntax; longer than
 *                   {@value #MAX_TEXT_LENGTH} characters is cut there
 * @param level      items of this level of government only
 * @param department items of this department only (its exact identifier)
 * @param audience   items that serve this audience: an item for both serves a person and an
 *                   enterprise, and asking for both filters nothing
 * @param channel    items that can be applied for through this channel
 * @param offset     how many ranked items to skip, for paging
 * @param limit      how many items to return, 1 to {@value #MAX_LIMIT}
 */
public record SearchQuery(String text, AdministrativeLevel level, String department, Audience audience,
                          Channel channel, int offset, int limit) {

    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_LIMIT = 100;

    public SearchQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** True when the person typed nothing to rank by, so the catalog is browsed in code order. */
    public boolean isBrowsing() {
        return text == null || text.isBlank();
    }
}
