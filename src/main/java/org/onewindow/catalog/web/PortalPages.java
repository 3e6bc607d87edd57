package org.onewindow.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.LocalImplementation;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.catalog.SearchQuery;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.DepartmentKind;
import org.onewindow.identity.OrganizationTree;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The citizen's portal: find a service in plain words, read its guide, see a whole life event. */
@Controller
class PortalPages {

    private static final int PAGE_SIZE = 10;
    private static final int MAX_QUERY_LENGTH = 200;

    private final CatalogService catalog;
    private final OrganizationTree tree;

    PortalPages(CatalogService catalog, OrganizationTree tree) {
        this.catalog = catalog;
        this.tree = tree;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("bundles", catalog.publishedBundles());
        model.addAttribute("departments", List.of(DepartmentKind.values()));
        model.addAttribute("itemCount", (long) catalog.publishedItems().size());
        return "catalog/home";
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
                  @RequestParam(required = false) String department, @RequestParam(required = false) String audience,
                  @RequestParam(required = false) String channel, @RequestParam(defaultValue = "1") String page,
                  HttpServletRequest request, Model model) {
        // A person's typing or an old bookmark must never end in an error page: bad filters are ignored.
        String text = q == null ? null : q.length() > MAX_QUERY_LENGTH ? q.substring(0, MAX_QUERY_LENGTH) : q;
        AdministrativeLevel levelFilter = enumOrNull(AdministrativeLevel.class, level);
        Audience audienceFilter = enumOrNull(Audience.class, audience);
        Channel channelFilter = enumOrNull(Channel.class, channel);
        String departmentFilter = DepartmentKind.ofCode(department).map(DepartmentKind::code).orElse(null);
        int pageNumber = Math.max(1, Math.min(parseOr(page, 1), 1000));
        var results = catalog.search(new SearchQuery(text, levelFilter, departmentFilter, audienceFilter, channelFilter,
                (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("q", text);
        model.addAttribute("level", levelFilter == null ? null : levelFilter.name());
        model.addAttribute("department", departmentFilter);
        model.addAttribute("audience", audienceFilter == null ? null : audienceFilter.name());
        model.addAttribute("channel", channelFilter == null ? null : channelFilter.name());
        model.addAttribute("page", results);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("totalPages", (int) Math.max(1, (results.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("levels", List.of(AdministrativeLevel.PROVINCE, AdministrativeLevel.CITY, AdministrativeLevel.COUNTY,
                AdministrativeLevel.TOWNSHIP));
        model.addAttribute("departments", List.of(DepartmentKind.values()));
        model.addAttribute("audiences", List.of(Audience.values()));
        model.addAttribute("channels", List.of(Channel.values()));
        return request.getHeader("HX-Request") != null ? "catalog/search :: results" : "catalog/search";
    }

    @GetMapping("/items/{code}")
    String item(@PathVariable String code, @RequestParam(required = false) String region, Model model, Locale locale) {
        ServiceItem item = catalog.requirePublishedItem(code);
        List<LocalImplementation> locals = catalog.localImplementations(code);
        Map<String, String> regionNames = new LinkedHashMap<>();
        locals.forEach(local -> tree.region(local.regionCode()).ifPresent(r -> regionNames.put(r.code(), r.name(locale))));
        model.addAttribute("item", item);
        model.addAttribute("s", item.standard());
        model.addAttribute("bundles", catalog.bundlesContaining(code));
        model.addAttribute("locals", locals);
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("selectedLocal", locals.stream().filter(l -> l.regionCode().equals(region)).findFirst().orElse(null));
        return "catalog/item";
    }

    @GetMapping("/bundles")
    String bundles(Model model) {
        model.addAttribute("bundles", catalog.publishedBundles());
        return "catalog/bundles";
    }

    @GetMapping("/bundles/{code}")
    String bundle(@PathVariable String code, Model model) {
        model.addAttribute("guide", catalog.bundleGuide(code));
        return "catalog/bundle";
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }

    private static int parseOr(String value, int fallback) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
