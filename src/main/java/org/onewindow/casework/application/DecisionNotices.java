package org.onewindow.casework.application;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.casework.pages.PlainWords;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.DepartmentKind;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.PersonDirectory;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.GovernmentTime;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The printable notice of an approved application: number, applicant (masked ID number), item,
 * decision, date, deciding department and the reasons, in the reader's language. For the
 * applicant's side and staff in duty (their printing recorded against the applicant); anyone
 * else, and an application not approved, gets 404.
 */
@Controller
class DecisionNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(GovernmentTime.ZONE);
    private static final List<ApplicationState> APPROVED = List.of(ApplicationState.APPROVED, ApplicationState.DELIVERED,
            ApplicationState.CLOSED);

    private final CaseworkService casework;
    private final StaffDirectory staff;
    private final PersonDirectory people;
    private final CatalogService catalog;
    private final OrganizationTree tree;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final NoticePdf pdf;

    DecisionNotices(CaseworkService casework, StaffDirectory staff, PersonDirectory people, CatalogService catalog, OrganizationTree tree,
                    AuditTrail audit, MessageSource messages, NoticePdf pdf) {
        this.casework = casework;
        this.staff = staff;
        this.people = people;
        this.catalog = catalog;
        this.tree = tree;
        this.audit = audit;
        this.messages = messages;
        this.pdf = pdf;
    }

    @GetMapping("/applications/{number}/notice")
    ResponseEntity<byte[]> notice(@PathVariable String number, Authentication who, Locale locale) {
        Optional<StaffMember> member = staff.staff(who.getName());
        ApplicationView application = casework.follow(number, who.getName(), member);
        TimelineEntry approval = PlainWords.latest(application, "approved", "denied")
                .filter(decision -> decision.step().equals("approved") && APPROVED.contains(application.state()))
                .orElseThrow(() -> new NotFoundException("notice", number));
        if (!pdf.canPrint()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "no font for Chinese is installed");
        }
        if (!who.getName().equals(application.applicant()) && !who.getName().equals(application.submittedBy())) {
            audit.recordRead(who.getName(), ReadPurpose.DECISION_NOTICE, application.applicant(), number);
        }
        byte[] content = pdf.render(notice(application, approval, locale));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                // shown in the browser to be printed; the platform made it, nothing in it comes from a file someone sent
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(text("notice.title", locale) + "-" + number + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(content);
    }

    private NoticePdf.Notice notice(ApplicationView a, TimelineEntry approval, Locale locale) {
        Optional<ServiceItem> item = catalog.publishedItem(a.itemCode());
        String itemName = a.itemName() == null ? a.itemCode() : a.itemName().in(locale);
        List<NoticePdf.Line> facts = List.of(
                new NoticePdf.Line(text("notice.number", locale), a.number()),
                new NoticePdf.Line(text("notice.applicant", locale), people.maskedIdNumberOf(a.applicant()).orElse("—")),
                new NoticePdf.Line(text("notice.item", locale), itemName),
                new NoticePdf.Line(text("notice.decision", locale), text("notice.decision.approved", locale)),
                new NoticePdf.Line(text("notice.date", locale), DAY.format(approval.at())),
                new NoticePdf.Line(text("notice.department", locale), department(a, item, locale)));
        List<String> reasons = PlainWords.inReadersLanguage(approval, locale);
        return new NoticePdf.Notice(text("notice.title", locale), facts, text("notice.reasons", locale),
                reasons.isEmpty() ? List.of(text("notice.reasons.none", locale)) : reasons, text("notice.footer", locale),
                a.number() + " " + itemName);
    }

    /** The department of the item's kind at the node that handles it: "西湖区市场监督管理局". */
    private String department(ApplicationView a, Optional<ServiceItem> item, Locale locale) {
        String kind = item.flatMap(i -> DepartmentKind.ofCode(i.standard().department())).map(k -> k.name(locale)).orElse("");
        String regionCode = item.map(i -> tree.responsibleRegion(a.regionCode(), i.standard().level())).orElse(a.regionCode());
        String region = tree.region(regionCode).map(r -> r.name(locale)).orElse(regionCode);
        return "en".equals(locale.getLanguage()) ? kind + ", " + region : region + kind;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
