package org.onewindow.catalog.web;

import org.onewindow.identity.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.BundleGuide;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.LifeEventBundle;
import org.onewindow.catalog.LocalImplementation;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.catalog.SearchQuery;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog for scripts and other systems: search and read for everyone, writes for administrators. */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "catalog", description = "The standard list of service items and life-event bundles")
class CatalogApi {

    private final CatalogService catalog;

    CatalogApi(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/items")
    @Operation(summary = "Search published items in plain words (Chinese or English), with optional filters")
    ItemPage items(@RequestParam(required = false) @Size(max = 200) String q,
                   @RequestParam(required = false) AdministrativeLevel level,
                   @RequestParam(required = false) @Size(max = 60) String department,
                   @RequestParam(required = false) Audience audience,
                   @RequestParam(required = false) Channel channel,
                   @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int offset,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        var page = catalog.search(new SearchQuery(q, level, department, audience, channel, offset, limit));
        return new ItemPage(page.total(), offset, limit, page.items().stream().map(ItemSummary::of).toList(),
                page.lifeEvents().stream().map(BundleSummary::of).toList());
    }

    @GetMapping("/items/{code}")
    @Operation(summary = "The published version of an item with its local implementations")
    ItemDetail item(@PathVariable String code) {
        ServiceItem item = catalog.requirePublishedItem(code);
        return new ItemDetail(item.code(), item.version(), item.status().name(), item.publishedAt(), item.standard(),
                catalog.localImplementations(code));
    }

    @GetMapping("/bundles")
    @Operation(summary = "Published life-event bundles")
    List<BundleSummary> bundles() {
        return catalog.publishedBundles().stream().map(BundleSummary::of).toList();
    }

    @GetMapping("/bundles/{code}")
    @Operation(summary = "A life-event bundle with its items, de-duplicated materials and total promised days")
    BundleGuide bundle(@PathVariable String code) {
        return catalog.bundleGuide(code);
    }

    @PostMapping("/items")
    @Operation(summary = "Draft a new version of an item (administrators of the province)")
    ResponseEntity<ItemDetail> draftItem(@Valid @RequestBody NewItem request, StaffMember me) {
        ServiceItem draft = catalog.draftItem(request.code(), request.standard(), me);
        return ResponseEntity.created(URI.create("/api/v1/catalog/items/" + draft.code() + "/draft"))
                .body(new ItemDetail(draft.code(), draft.version(), draft.status().name(), null, draft.standard(), List.of()));
    }

    @GetMapping("/items/{code}/draft")
    @Operation(summary = "The current draft of an item (administrators of the province; for anyone else 404, as for no draft)")
    ItemDetail draft(@PathVariable String code, Optional<StaffMember> me) {
        ServiceItem draft = catalog.draft(code, me.orElse(null)).orElseThrow(() -> new NotFoundException("draft", code));
        return new ItemDetail(draft.code(), draft.version(), draft.status().name(), null, draft.standard(), List.of());
    }

    @PutMapping("/items/{code}/draft")
    @Operation(summary = "Revise the draft of an item; published versions are never edited")
    ItemDetail reviseDraft(@PathVariable String code, @Valid @RequestBody @NotNull ItemStandard standard, StaffMember me) {
        ServiceItem draft = catalog.reviseDraft(code, standard, me);
        return new ItemDetail(draft.code(), draft.version(), draft.status().name(), null, draft.standard(), List.of());
    }

    @PostMapping("/items/{code}/publish")
    @Operation(summary = "Publish the draft: it becomes the standard, the previous version is retired")
    ItemDetail publish(@PathVariable String code, StaffMember me) {
        ServiceItem item = catalog.publishItem(code, me);
        return new ItemDetail(item.code(), item.version(), item.status().name(), item.publishedAt(), item.standard(), List.of());
    }

    @PostMapping("/items/{code}/retire")
    @Operation(summary = "Retire the published version of an item")
    ResponseEntity<Void> retire(@PathVariable String code, StaffMember me) {
        catalog.retireItem(code, me);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/items/{code}/local-implementations/{regionCode}")
    @Operation(summary = "Publish how a city or county implements an item; it may tighten, never loosen, the standard")
    LocalImplementation local(@PathVariable String code, @PathVariable @Pattern(regexp = "^[0-9]{6}$") String regionCode,
                              @Valid @RequestBody LocalRequest request, StaffMember me) {
        return catalog.publishLocalImplementation(new LocalImplementation(code, regionCode, request.address(), request.hours(),
                request.phone(), request.promisedDays(), request.feeYuan(), request.visits(), request.materialCodes()), me);
    }

    @PostMapping("/bundles")
    @Operation(summary = "Draft (or revise the draft of) a life-event bundle")
    ResponseEntity<BundleSummary> draftBundle(@Valid @RequestBody BundleRequest request, StaffMember me) {
        LifeEventBundle draft = catalog.draftBundle(new LifeEventBundle(null, request.code(), 0, null, request.name(),
                request.description(), request.audience(), request.itemCodes()), me);
        return ResponseEntity.status(201).body(BundleSummary.of(draft));
    }

    @PostMapping("/bundles/{code}/publish")
    @Operation(summary = "Publish the draft of a life-event bundle")
    BundleSummary publishBundle(@PathVariable String code, StaffMember me) {
        return BundleSummary.of(catalog.publishBundle(code, me));
    }

    record NewItem(@NotBlank @Pattern(regexp = "^[A-Z]{2,3}-[0-9]{3,6}$") String code, @NotNull ItemStandard standard) {
    }

    record LocalRequest(LocalizedText address, LocalizedText hours, @Size(max = 20) String phone, @Min(0) Integer promisedDays,
                        BigDecimal feeYuan, @Min(0) @Max(1) Integer visits, List<@NotBlank String> materialCodes) {
    }

    record BundleRequest(@NotBlank @Pattern(regexp = "^[a-z0-9-]{3,60}$") String code, @NotNull LocalizedText name,
                         LocalizedText description, @NotNull Audience audience,
                         @NotNull @Size(min = 2, max = 30) List<@NotBlank String> itemCodes) {
    }

    /** The items that match, and before them the life events the words name (first page only). */
    record ItemPage(long total, int offset, int limit, List<ItemSummary> items, List<BundleSummary> lifeEvents) {
    }

    record ItemSummary(String code, int version, LocalizedText name, String department, AdministrativeLevel level,
                       Audience audience, java.util.Set<Channel> channels, int promisedDays, int visits, boolean crossProvince,
                       List<LocalizedText> materialsToBring, String guide) {
        static ItemSummary of(ServiceItem item) {
            ItemStandard s = item.standard();
            return new ItemSummary(item.code(), item.version(), s.name(), s.department(), s.level(), s.audience(), s.channels(),
                    s.promisedDays(), s.visits(), s.crossProvince(), s.materialsToBring().stream().map(m -> m.name()).toList(),
                    "/items/" + item.code());
        }
    }

    record ItemDetail(String code, int version, String status, java.time.Instant publishedAt, ItemStandard standard,
                      List<LocalImplementation> localImplementations) {
    }

    record BundleSummary(String code, int version, String status, LocalizedText name, LocalizedText description,
                         Audience audience, List<String> itemCodes) {
        static BundleSummary of(LifeEventBundle b) {
            return new BundleSummary(b.code(), b.version(), b.status().name(), b.name(), b.description(), b.audience(), b.itemCodes());
        }
    }
}
