package org.onewindow.catalog.search;

import java.util.List;

/**
 * One page of a search.
 *
 * @param codes the codes of the items on this page, best match first
 * @param total how many items match in all, across every page
 */
public record SearchResult(List<String> codes, long total) {

    public SearchResult {
        codes = List.copyOf(codes);
    }
}
