package org.onewindow.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.Eligibility;
import org.onewindow.catalog.Faq;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.ItemCategory;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.ItemStatus;
import org.onewindow.catalog.LifeEventBundle;
import org.onewindow.catalog.LocalImplementation;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.catalog.Material;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.catalog.persistence.CatalogRepository;
import org.onewindow.identity.AdministrativeLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo standard list (catalog/demo-catalog.json): realistic items of ten departments,
 * life-event bundles and a few local implementations, published once into an empty catalog.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "onewindow.demo-data")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final String DEMO_AUTHOR = "demo-data";

    private final CatalogRepository repository;
    private final CatalogService catalog;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    DemoCatalog(CatalogRepository repository, CatalogService catalog, TransactionTemplate transaction, JsonMapper json) {
        this.repository = repository;
        this.catalog = catalog;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (repository.latestVersion("MR-001") > 0 || repository.countPublished() > 0) {
            return;
        }
        DemoFile demo;
        try (InputStream in = new ClassPathResource("catalog/demo-catalog.json").getInputStream()) {
            demo = json.readValue(in, DemoFile.class);
        }
        transaction.executeWithoutResult(status -> {
            Instant now = Instant.now();
            for (DemoItem item : demo.items()) {
                ServiceItem draft = new ServiceItem(UUID.randomUUID(), item.code(), 1, ItemStatus.DRAFT, item.standard(), now, null);
                repository.insertItem(draft, DEMO_AUTHOR);
                repository.publishDraft(draft.id(), DEMO_AUTHOR, now);
            }
            for (DemoBundle b : demo.bundles()) {
                LifeEventBundle bundle = new LifeEventBundle(UUID.randomUUID(), b.code(), 1, ItemStatus.DRAFT, b.name(),
                        b.description(), b.audience(), b.items());
                repository.insertBundle(bundle, DEMO_AUTHOR);
                repository.publishBundleDraft(bundle.id(), now);
            }
            for (DemoLocal l : demo.localImplementations()) {
                repository.saveLocalImplementation(new LocalImplementation(l.itemCode(), l.regionCode(), l.address(), l.hours(),
                        l.phone(), l.promisedDays(), null, null, null), DEMO_AUTHOR);
            }
        });
        // written past the catalog service: memory and the search index read it again
        catalog.reload();
        log.info("Loaded the demo catalog: {} items, {} life-event bundles", demo.items().size(), demo.bundles().size());
    }

    record DemoFile(List<DemoItem> items, List<DemoBundle> bundles, List<DemoLocal> localImplementations) {
    }

    record DemoItem(String code, LocalizedText name, LocalizedText description, ItemCategory category, Audience audience,
                    String department, AdministrativeLevel level, LocalizedText legalBasis, LocalizedText conditions,
                    List<Material> materials, int statutoryDays, int promisedDays, BigDecimal feeYuan, LocalizedText feeNote,
                    Set<Channel> channels, int visits, boolean crossProvince, Keywords keywords, List<Faq> faq,
                    List<FormField> form, Eligibility eligibility) {

        ItemStandard standard() {
            return new ItemStandard(name, description, category, audience, department, level, legalBasis, conditions, materials,
                    statutoryDays, promisedDays, feeYuan, feeNote, channels, visits, crossProvince,
                    keywords == null ? List.of() : keywords.zh(), keywords == null ? List.of() : keywords.en(), faq, form, eligibility);
        }
    }

    record Keywords(List<String> zh, List<String> en) {
    }

    record DemoBundle(String code, LocalizedText name, LocalizedText description, Audience audience, List<String> items) {
    }

    record DemoLocal(String itemCode, String regionCode, LocalizedText address, LocalizedText hours, String phone, Integer promisedDays) {
    }
}
