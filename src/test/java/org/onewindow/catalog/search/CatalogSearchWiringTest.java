package org.onewindow.catalog.search;

import org.onewindow.catalog.SearchQuery;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The index as the application gets it: from Spring, with the synonym rules the platform ships. */
class CatalogSearchWiringTest {

    @Test
    void aPersonWhoSaysOpenARestaurantFindsTheFoodBusinessLicenceWithTheShippedRules() {
        try (var context = new AnnotationConfigApplicationContext(ColloquialSynonyms.class, CatalogSearchIndex.class)) {
            ColloquialSynonyms shipped = context.getBean(ColloquialSynonyms.class);
            CatalogSearchIndex index = context.getBean(CatalogSearchIndex.class);

            index.replaceAll(SampleItems.catalog());

            assertThat(shipped.ruleCount()).isPositive();
            assertThat(index.search(new SearchQuery("开饭店", null, null, null, null, 0, 10)).codes())
                    .first().isEqualTo(SampleItems.FOOD_BUSINESS_LICENCE);
        }
    }
}
