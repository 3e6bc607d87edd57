package org.onewindow.catalog.search;

import org.apache.lucene.search.IndexSearcher;

/**
 * Lucene refuses a query of more leaf clauses than {@link IndexSearcher#getMaxClauseCount()},
 * and a typo-tolerant word expands into several. Staying within half of that limit leaves
 * room for the filters and for whatever else in the application lowered it.
 */
final class ClauseBudget {

    private int left;

    private ClauseBudget(int clauses) {
        this.left = clauses;
    }

    static ClauseBudget withinLuceneLimit() {
        return new ClauseBudget(IndexSearcher.getMaxClauseCount() / 2);
    }

    boolean spend(int clauses) {
        if (clauses > left) {
            return false;
        }
        left -= clauses;
        return true;
    }
}
