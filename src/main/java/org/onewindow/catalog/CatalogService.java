package org.onewindow.catalog;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.catalog.persistence.CatalogRepository;
import org.onewindow.catalog.search.CatalogSearchIndex;
import org.onewindow.catalog.model.StandardPolicy;
import org.onewindow.catalog.search.SearchResult;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.Region;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The standard catalog: what the portal shows and searches, and what administrators draft and
 * publish. Published items are served from memory (the catalog changes a few times a day and
 * is read thousands of times a second); every change goes through the database first and
 * reaches memory and the search index only after it committed.
 */
@Service
public class CatalogService {

    private final CatalogRepository repository;
    private final CatalogSearchIndex index;
    private final OrganizationTree tree;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, ServiceItem> published = new ConcurrentHashMap<>();
    private volatile Map<String, LifeEventBundle> publishedBundles = Map.of();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final CompletableFuture<Void> firstLoad;

    CatalogService(CatalogRepository repository, CatalogSearchIndex index, OrganizationTree tree,
                   ApplicationEventPublisher events, AuditTrail audit, Optional<Clock> clock) {
        this.repository = repository;
        this.index = index;
        this.tree = tree;
        this.events = events;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
        // the database is ready once the repository is: the published catalog is read and indexed
        // on a thread of its own while the rest of the application is being built, and start-up
        // waits for it before the platform says it is ready (CatalogStartup)
        this.firstLoad = CompletableFuture.runAsync(this::reload,
                task -> Thread.ofPlatform().name("catalog-first-load").daemon(true).start(task));
    }

    // ---------------------------------------------------------------- what citizens see

    public Optional<ServiceItem> publishedItem(String code) {
        return Optional.ofNullable(published.get(code));
    }

    public ServiceItem requirePublishedItem(String code) {
        return publishedItem(code).orElseThrow(() -> new NotFoundException("item", code));
    }

    public List<ServiceItem> publishedItems() {
        return published.values().stream().sorted(java.util.Comparator.comparing(ServiceItem::code)).toList();
    }

    public SearchPage search(SearchQuery query) {
        SearchResult result = index.search(query);
        List<ServiceItem> items = result.codes().stream().map(published::get).filter(java.util.Objects::nonNull).toList();
        return new SearchPage(items, result.total(), query.offset(), query.limit(), index.lifeEventsNamed(query, publishedBundles.values()));
    }

    public List<LifeEventBundle> publishedBundles() {
        return List.copyOf(publishedBundles.values());
    }

    public BundleGuide bundleGuide(String code) {
        LifeEventBundle bundle = Optional.ofNullable(publishedBundles.get(code)).orElseThrow(() -> new NotFoundException("bundle", code));
        return BundleGuide.of(bundle, bundle.itemCodes().stream().map(published::get).filter(java.util.Objects::nonNull).toList());
    }

    /** Bundles that contain an item: shown on the item's guide so a person finds the whole life event. */
    public List<LifeEventBundle> bundlesContaining(String itemCode) {
        return publishedBundles.values().stream().filter(b -> b.itemCodes().contains(itemCode)).toList();
    }

    public List<LocalImplementation> localImplementations(String itemCode) {
        return repository.localImplementations(itemCode);
    }

    public List<ServiceItem> versions(String code) {
        return repository.versions(code);
    }

    /*
     * Drafts are work in progress of the ones who keep the standard list, the province's
     * administrators: nobody else sees them (not a county's administrator, not staff, not the
     * public), and to anyone else an item with a draft looks like one without.
     */

    public List<ServiceItem> drafts(StaffMember viewer) {
        return keepsTheStandardList(viewer) ? repository.drafts() : List.of();
    }

    public List<LifeEventBundle> bundleDrafts(StaffMember viewer) {
        return keepsTheStandardList(viewer) ? repository.bundles(ItemStatus.DRAFT) : List.of();
    }

    /** The current draft of an item, for a viewer who keeps the standard list; empty for anyone else (or nobody: null). */
    public Optional<ServiceItem> draft(String code, StaffMember viewer) {
        return keepsTheStandardList(viewer) ? repository.findItem(code, ItemStatus.DRAFT) : Optional.empty();
    }

    private static boolean keepsTheStandardList(StaffMember viewer) {
        return viewer != null && viewer.isProvinceAdministrator();
    }

    // ---------------------------------------------------------------- what administrators do

    /** Starts a new version of an item: version 1 of a new code, or the next version of a published one. */
    @Transactional
    public ServiceItem draftItem(String code, ItemStandard standard, StaffMember actor) {
        actor.requireProvinceAdministrator("the standard list");
        requireValid(StandardPolicy.checkItem(code, standard));
        if (repository.findItem(code, ItemStatus.DRAFT).isPresent()) {
            throw new ConflictException("item.draft-exists", code);
        }
        ServiceItem draft = new ServiceItem(UUID.randomUUID(), code, repository.latestVersion(code) + 1, ItemStatus.DRAFT,
                standard, clock.instant(), null);
        repository.insertItem(draft, actor.username());
        return draft;
    }

    @Transactional
    public ServiceItem reviseDraft(String code, ItemStandard standard, StaffMember actor) {
        actor.requireProvinceAdministrator("the standard list");
        ServiceItem draft = repository.findItem(code, ItemStatus.DRAFT).orElseThrow(() -> noDraft(code));
        requireValid(StandardPolicy.checkItem(code, standard));
        repository.updateDraft(draft.id(), standard);
        return new ServiceItem(draft.id(), code, draft.version(), ItemStatus.DRAFT, standard, draft.createdAt(), null);
    }

    /** Checks a proposed standard against the rules without saving anything. */
    public List<Violation> check(String code, ItemStandard standard) {
        return StandardPolicy.checkItem(code, standard);
    }

    @Transactional
    public ServiceItem publishItem(String code, StaffMember actor) {
        actor.requireProvinceAdministrator("the standard list");
        ServiceItem draft = repository.findItem(code, ItemStatus.DRAFT).orElseThrow(() -> noDraft(code));
        requireValid(StandardPolicy.checkItem(code, draft.standard()));
        var now = clock.instant();
        repository.retirePublished(code, now);
        repository.publishDraft(draft.id(), actor.username(), now);
        events.publishEvent(new ItemPublished(code, draft.version()));
        audit.record(actor.username(), "catalog.item-published", code, "version " + draft.version());
        return new ServiceItem(draft.id(), code, draft.version(), ItemStatus.PUBLISHED, draft.standard(), draft.createdAt(), now);
    }

    @Transactional
    public void retireItem(String code, StaffMember actor) {
        actor.requireProvinceAdministrator("the standard list");
        ServiceItem current = repository.findItem(code, ItemStatus.PUBLISHED).orElseThrow(() -> new NotFoundException("item", code));
        repository.retirePublished(code, clock.instant());
        events.publishEvent(new ItemRetired(code, current.version()));
        audit.record(actor.username(), "catalog.item-retired", code, "version " + current.version());
    }

    @Transactional
    public LocalImplementation publishLocalImplementation(LocalImplementation local, StaffMember actor) {
        Region region = tree.region(local.regionCode())
                .orElseThrow(() -> new RuleViolationException(Violation.of("regionCode", "local.region-unknown", local.regionCode())));
        if (region.level() != AdministrativeLevel.CITY && region.level() != AdministrativeLevel.COUNTY) {
            throw new RuleViolationException(Violation.of("regionCode", "local.region-city-or-county"));
        }
        if (!actor.has(Role.ADMINISTRATOR) || !actor.mayActOn(region.code())) {
            throw new AccessDeniedException("administrators act only within their own part of the tree");
        }
        ItemStandard standard = repository.findItem(local.itemCode(), ItemStatus.PUBLISHED)
                .orElseThrow(() -> new RuleViolationException(Violation.of("itemCode", "local.item-not-published", local.itemCode())))
                .standard();
        requireValid(StandardPolicy.checkLocal(local, standard));
        repository.saveLocalImplementation(local, actor.username());
        events.publishEvent(new LocalImplementationPublished(local.itemCode(), region.code()));
        audit.record(actor.username(), "catalog.local-implementation-published", local.itemCode(), "region " + region.code());
        return local;
    }

    @Transactional
    public LifeEventBundle draftBundle(LifeEventBundle proposal, StaffMember actor) {
        actor.requireProvinceAdministrator("the standard list");
        requireValid(StandardPolicy.checkBundle(proposal));
        requireItemsExist(proposal);
        Optional<LifeEventBundle> existing = repository.findBundle(proposal.code(), ItemStatus.DRAFT);
        if (existing.isPresent()) {
            LifeEventBundle revised = new LifeEventBundle(existing.get().id(), proposal.code(), existing.get().version(),
                    ItemStatus.DRAFT, proposal.name(), proposal.description(), proposal.audience(), proposal.itemCodes());
            repository.updateBundleDraft(revised);
            return revised;
        }
        LifeEventBundle draft = new LifeEventBundle(UUID.randomUUID(), proposal.code(), repository.latestBundleVersion(proposal.code()) + 1,
                ItemStatus.DRAFT, proposal.name(), proposal.description(), proposal.audience(), proposal.itemCodes());
        repository.insertBundle(draft, actor.username());
        return draft;
    }

    @Transactional
    public LifeEventBundle publishBundle(String code, StaffMember actor) {
        actor.requireProvinceAdministrator("the standard list");
        LifeEventBundle draft = repository.findBundle(code, ItemStatus.DRAFT).orElseThrow(() -> new NotFoundException("draft", code));
        requireItemsExist(draft);
        repository.publishBundleDraft(draft.id(), clock.instant());
        events.publishEvent(new BundlePublished(code, draft.version()));
        audit.record(actor.username(), "catalog.bundle-published", code, "version " + draft.version());
        return draft;
    }

    // ---------------------------------------------------------------- keeping memory in step

    /**
     * Waits for the catalog read at start-up and throws what went wrong with it. A reload that
     * comes after it (the demo catalog's) waits for it too, so memory ends as the database is.
     */
    void awaitFirstLoad() {
        try {
            firstLoad.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** Loads everything published; run at start-up and whenever memory may have drifted. */
    public synchronized void reload() {
        List<ServiceItem> items = repository.publishedItems();
        published.clear();
        items.forEach(item -> published.put(item.code(), item));
        index.replaceAll(items);
        reloadBundles();
        generation.incrementAndGet();
    }

    /**
     * Goes up after every change citizens can see has reached memory, so that anything derived
     * from the catalog (a rendered page) can tell whether it is still current.
     */
    public long generation() {
        return generation.get();
    }

    @TransactionalEventListener
    void on(ItemPublished event) {
        repository.findItem(event.code(), ItemStatus.PUBLISHED).ifPresent(item -> {
            published.put(item.code(), item);
            index.put(item);
        });
        generation.incrementAndGet();
    }

    @TransactionalEventListener
    void on(ItemRetired event) {
        published.remove(event.code());
        index.remove(event.code());
        generation.incrementAndGet();
    }

    @TransactionalEventListener
    void on(BundlePublished event) {
        reloadBundles();
        generation.incrementAndGet();
    }

    @TransactionalEventListener
    void on(LocalImplementationPublished event) {
        generation.incrementAndGet();
    }

    private void reloadBundles() {
        Map<String, LifeEventBundle> bundles = new LinkedHashMap<>();
        repository.bundles(ItemStatus.PUBLISHED).forEach(b -> bundles.put(b.code(), b));
        publishedBundles = bundles;
    }

    private void requireItemsExist(LifeEventBundle bundle) {
        List<Violation> missing = bundle.itemCodes().stream()
                .filter(code -> repository.findItem(code, ItemStatus.PUBLISHED).isEmpty())
                .map(code -> Violation.of("itemCodes", "bundle.item-not-published", code)).toList();
        requireValid(missing);
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private ConflictException noDraft(String code) {
        return repository.findItem(code, ItemStatus.PUBLISHED).isPresent()
                ? new ConflictException("item.published-immutable", code)
                : new ConflictException("item.no-draft", code);
    }

    /** One page of search results, and the life events the words name (offered first, on the first page only). */
    public record SearchPage(List<ServiceItem> items, long total, int offset, int limit, List<LifeEventBundle> lifeEvents) {
    }
}
