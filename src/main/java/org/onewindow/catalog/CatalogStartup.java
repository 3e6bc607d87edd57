package org.onewindow.catalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Readiness waits for the in-memory catalog and its search index, which {@link CatalogService}
 * starts building from the database while the application is being built; the demo catalog,
 * loaded into an empty database just before this runs, reloads them itself.
 */
@Component
@Order(100)
class CatalogStartup implements ApplicationRunner {

    private final CatalogService catalog;

    CatalogStartup(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalog.awaitFirstLoad();
    }
}
