package org.onewindow.catalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Builds the in-memory catalog and its search index from the database once the data is in place. */
@Component
@Order(100)
class CatalogStartup implements ApplicationRunner {

    private final CatalogService catalog;

    CatalogStartup(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalog.reload();
    }
}
