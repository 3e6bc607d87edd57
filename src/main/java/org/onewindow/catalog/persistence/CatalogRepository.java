package org.onewindow.catalog.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.ItemStatus;
import org.onewindow.catalog.LifeEventBundle;
import org.onewindow.catalog.LocalImplementation;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.catalog.ServiceItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The catalog's tables. Only the catalog module reads or writes them. */
@Repository
public class CatalogRepository {

    private static final String ITEM_COLUMNS = "id, code, version, status, standard, created_at, published_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- service items

    public void insertItem(ServiceItem item, String actor) {
        ItemStandard s = item.standard();
        jdbc.sql("""
                insert into service_item (id, code, version, status, department, level, audience, category, statutory_days,
                    promised_days, fee_yuan, visits, standard, created_by)
                values (:id, :code, :version, :status, :department, :level, :audience, :category, :statutory,
                    :promised, :fee, :visits, cast(:standard as jsonb), :actor)""")
                .param("id", item.id()).param("code", item.code()).param("version", item.version())
                .param("status", item.status().name()).param("department", s.department()).param("level", s.level().name())
                .param("audience", s.audience().name()).param("category", s.category().name())
                .param("statutory", s.statutoryDays()).param("promised", s.promisedDays()).param("fee", s.feeYuan())
                .param("visits", s.visits()).param("standard", json.writeValueAsString(s)).param("actor", actor)
                .update();
    }

    /** Rewrites a draft; returns false when there is no draft with that id (the database refuses other states anyway). */
    public boolean updateDraft(UUID id, ItemStandard s) {
        return jdbc.sql("""
                update service_item set department = :department, level = :level, audience = :audience, category = :category,
                    statutory_days = :statutory, promised_days = :promised, fee_yuan = :fee, visits = :visits,
                    standard = cast(:standard as jsonb)
                where id = :id and status = 'DRAFT'""")
                .param("id", id).param("department", s.department()).param("level", s.level().name())
                .param("audience", s.audience().name()).param("category", s.category().name())
                .param("statutory", s.statutoryDays()).param("promised", s.promisedDays()).param("fee", s.feeYuan())
                .param("visits", s.visits()).param("standard", json.writeValueAsString(s))
                .update() == 1;
    }

    public Optional<ServiceItem> findItem(String code, ItemStatus status) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from service_item where code = :code and status = :status")
                .param("code", code).param("status", status.name()).query(this::item).optional();
    }

    public List<ServiceItem> versions(String code) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from service_item where code = :code order by version desc")
                .param("code", code).query(this::item).list();
    }

    public List<ServiceItem> publishedItems() {
        return jdbc.sql("select " + ITEM_COLUMNS + " from service_item where status = 'PUBLISHED' order by code")
                .query(this::item).list();
    }

    public List<ServiceItem> drafts() {
        return jdbc.sql("select " + ITEM_COLUMNS + " from service_item where status = 'DRAFT' order by code")
                .query(this::item).list();
    }

    public int latestVersion(String code) {
        return jdbc.sql("select coalesce(max(version), 0) from service_item where code = :code").param("code", code)
                .query(Integer.class).single();
    }

    public void retirePublished(String code, Instant at) {
        jdbc.sql("update service_item set status = 'RETIRED', retired_at = :at where code = :code and status = 'PUBLISHED'")
                .param("code", code).param("at", Timestamp.from(at)).update();
    }

    public boolean publishDraft(UUID id, String actor, Instant at) {
        return jdbc.sql("update service_item set status = 'PUBLISHED', published_at = :at, published_by = :actor where id = :id and status = 'DRAFT'")
                .param("id", id).param("actor", actor).param("at", Timestamp.from(at)).update() == 1;
    }

    public long countPublished() {
        return jdbc.sql("select count(*) from service_item where status = 'PUBLISHED'").query(Long.class).single();
    }

    private ServiceItem item(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new ServiceItem(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"),
                ItemStatus.valueOf(rs.getString("status")), json.readValue(rs.getString("standard"), ItemStandard.class),
                rs.getTimestamp("created_at").toInstant(), published == null ? null : published.toInstant());
    }

    // ---- local implementations

    public void saveLocalImplementation(LocalImplementation local, String actor) {
        record Details(LocalizedText address, LocalizedText hours, String phone) {
        }
        jdbc.sql("""
                insert into local_implementation (item_code, region_code, details, promised_days, fee_yuan, visits, material_codes, published_by)
                values (:item, :region, cast(:details as jsonb), :days, :fee, :visits, :materials, :actor)
                on conflict (item_code, region_code) do update set details = excluded.details, promised_days = excluded.promised_days,
                    fee_yuan = excluded.fee_yuan, visits = excluded.visits, material_codes = excluded.material_codes,
                    published_at = now(), published_by = excluded.published_by""")
                .param("item", local.itemCode()).param("region", local.regionCode())
                .param("details", json.writeValueAsString(new Details(local.address(), local.hours(), local.phone())))
                .param("days", local.promisedDays()).param("fee", local.feeYuan()).param("visits", local.visits())
                .param("materials", local.materialCodes() == null ? null : local.materialCodes().toArray(String[]::new))
                .param("actor", actor)
                .update();
    }

    public List<LocalImplementation> localImplementations(String itemCode) {
        return jdbc.sql("select * from local_implementation where item_code = :item order by region_code")
                .param("item", itemCode).query(this::local).list();
    }

    private LocalImplementation local(ResultSet rs, int row) throws SQLException {
        var details = json.readTree(rs.getString("details"));
        java.sql.Array materials = rs.getArray("material_codes");
        return new LocalImplementation(rs.getString("item_code"), rs.getString("region_code"),
                json.treeToValue(details.get("address"), LocalizedText.class), json.treeToValue(details.get("hours"), LocalizedText.class),
                details.path("phone").asString(null), (Integer) rs.getObject("promised_days"), (BigDecimal) rs.getObject("fee_yuan"),
                rs.getObject("visits") == null ? null : rs.getInt("visits"),
                materials == null ? null : Arrays.asList((String[]) materials.getArray()));
    }

    // ---- life-event bundles

    public void insertBundle(LifeEventBundle bundle, String actor) {
        jdbc.sql("""
                insert into life_event_bundle (id, code, version, status, audience, texts, item_codes, created_by)
                values (:id, :code, :version, :status, :audience, cast(:texts as jsonb), :items, :actor)""")
                .param("id", bundle.id()).param("code", bundle.code()).param("version", bundle.version())
                .param("status", bundle.status().name()).param("audience", bundle.audience().name())
                .param("texts", json.writeValueAsString(new BundleTexts(bundle.name(), bundle.description())))
                .param("items", bundle.itemCodes().toArray(String[]::new)).param("actor", actor)
                .update();
    }

    public boolean updateBundleDraft(LifeEventBundle bundle) {
        return jdbc.sql("""
                update life_event_bundle set audience = :audience, texts = cast(:texts as jsonb), item_codes = :items
                where id = :id and status = 'DRAFT'""")
                .param("id", bundle.id()).param("audience", bundle.audience().name())
                .param("texts", json.writeValueAsString(new BundleTexts(bundle.name(), bundle.description())))
                .param("items", bundle.itemCodes().toArray(String[]::new))
                .update() == 1;
    }

    public Optional<LifeEventBundle> findBundle(String code, ItemStatus status) {
        return jdbc.sql("select * from life_event_bundle where code = :code and status = :status")
                .param("code", code).param("status", status.name()).query(this::bundle).optional();
    }

    public List<LifeEventBundle> bundles(ItemStatus status) {
        return jdbc.sql("select * from life_event_bundle where status = :status order by code")
                .param("status", status.name()).query(this::bundle).list();
    }

    public int latestBundleVersion(String code) {
        return jdbc.sql("select coalesce(max(version), 0) from life_event_bundle where code = :code").param("code", code)
                .query(Integer.class).single();
    }

    public void publishBundleDraft(UUID id, Instant at) {
        jdbc.sql("update life_event_bundle set status = 'RETIRED' where code = (select code from life_event_bundle where id = :id) and status = 'PUBLISHED'")
                .param("id", id).update();
        jdbc.sql("update life_event_bundle set status = 'PUBLISHED', published_at = :at where id = :id and status = 'DRAFT'")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    private LifeEventBundle bundle(ResultSet rs, int row) throws SQLException {
        BundleTexts texts = json.readValue(rs.getString("texts"), BundleTexts.class);
        return new LifeEventBundle(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"),
                ItemStatus.valueOf(rs.getString("status")), texts.name(), texts.description(),
                Audience.valueOf(rs.getString("audience")), Arrays.asList((String[]) rs.getArray("item_codes").getArray()));
    }

    record BundleTexts(LocalizedText name, LocalizedText description) {
    }
}
