package org.onewindow.catalog.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreCachingWrappingScorer;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Ranks and counts only the matches that score at least a share of the best one. An item
 * that shares one common character or a far-fetched correction with the words would otherwise
 * pad the page below the items the person meant; when nothing better matches, the best of the
 * weak ones is the best match, and they all stay.
 */
final class StrongMatches implements CollectorManager<StrongMatches.AtLeast, TopFieldDocs> {

    /** Below a fifth of the best score a match shares only a common word or a guess with the words (see CatalogRelevanceTest). */
    static final float SHARE_OF_BEST = 0.2f;

    private final TopFieldCollectorManager ranking;
    private final float minimum;

    StrongMatches(TopFieldCollectorManager ranking, float bestScore) {
        this.ranking = ranking;
        this.minimum = bestScore * SHARE_OF_BEST;
    }

    @Override
    public AtLeast newCollector() throws IOException {
        return new AtLeast(ranking.newCollector(), minimum);
    }

    /** The ranked matches; their total counts only the strong ones, since the ranking saw no others. */
    @Override
    public TopFieldDocs reduce(Collection<AtLeast> collectors) throws IOException {
        return ranking.reduce(collectors.stream().map(AtLeast::ranking).toList());
    }

    /** Passes a match on to the ranking only when it scores at least the minimum. */
    static final class AtLeast extends FilterCollector {

        private final float minimum;

        AtLeast(TopFieldCollector ranking, float minimum) {
            super(ranking);
            this.minimum = minimum;
        }

        TopFieldCollector ranking() {
            return (TopFieldCollector) in;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            // the ranking sorts by the same score: it is worked out once per match, for both
            return ScoreCachingWrappingScorer.wrap(new FilterLeafCollector(super.getLeafCollector(context)) {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    super.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (scorer.score() >= minimum) {
                        super.collect(doc);
                    }
                }
            });
        }
    }
}
