package org.onewindow.casework.office;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.WorkItem;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.casefile.ApplicationRows;
import org.onewindow.casework.casefile.ApplicationStore;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.casework.process.OfficeTask;
import org.onewindow.casework.process.OfficeTasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.PersonDirectory;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.springframework.stereotype.Service;

/**
 * What the office has to do next, for one member of staff: the user tasks of the application
 * processes that wait for their roles at their node (acceptance, review, countersignature,
 * decision) or that they hold, then, for handlers, delivering and closing what their department
 * decided, which happens after the process.
 */
@Service
public class Worklist {

    private static final int MAX_ITEMS = 500;
    private static final Set<ApplicationState> AFTER_DECISION = EnumSet.of(ApplicationState.APPROVED, ApplicationState.DENIED,
            ApplicationState.DELIVERED);

    private final OfficeTasks tasks;
    private final ApplicationStore applications;
    private final JdbcClient jdbc;
    private final ApplicationRows rows;
    private final CatalogService catalog;
    private final WorkingCalendar workingCalendar;
    private final AuditTrail audit;
    private final PersonDirectory people;

    Worklist(OfficeTasks tasks, ApplicationStore applications, JdbcClient jdbc, ApplicationRows rows, CatalogService catalog,
             WorkingCalendar workingCalendar, AuditTrail audit, PersonDirectory people) {
        this.people = people;
        this.audit = audit;
        this.tasks = tasks;
        this.applications = applications;
        this.jdbc = jdbc;
        this.rows = rows;
        this.catalog = catalog;
        this.workingCalendar = workingCalendar;
    }

    /**
     * Open tasks, oldest first, then decided applications to deliver or close; empty for staff
     * who neither accept nor handle. Seeing a case on the list is a read of its applicant's data,
     * recorded for each applicant on it.
     */
    public List<WorkItem> openFor(StaffMember staff) {
        WorkingDayCalendar calendar = workingCalendar.current();
        List<OfficeTask> open = tasks.taskList(staff, MAX_ITEMS);
        Map<String, Application> byNumber = applications.findByNumbers(open.stream().map(OfficeTask::applicationNumber).toList())
                .stream().collect(Collectors.toMap(Application::number, Function.identity()));
        record Row(Application a, String step, String taskId, String claimedBy) {
        }
        List<Row> shown = new ArrayList<>();
        for (OfficeTask task : open) {
            Application a = byNumber.get(task.applicationNumber());
            if (a != null) {
                shown.add(new Row(a, task.kind().name().toLowerCase(Locale.ROOT), task.id(), task.assignee()));
            }
        }
        if (staff.has(Role.HANDLER)) {
            toDeliverOrClose(staff.region().prefix(), itemsOfDepartment(staff)).forEach(a ->
                    shown.add(new Row(a, a.state() == ApplicationState.DELIVERED ? "closure" : "delivery", null, null)));
        }
        List<Application> cases = shown.stream().map(Row::a).toList();
        Map<String, String> names = people.maskedNames(cases.stream().map(Application::applicant).distinct().toList());
        audit.recordReads(staff.username(), ReadPurpose.WORKLIST, numbersByApplicant(cases));
        return shown.stream().map(row -> item(row.a(), row.step(), row.taskId(), row.claimedBy(), names.get(row.a().applicant()), calendar))
                .toList();
    }

    /** The numbers of the applications shown, by applicant: what the audit trail records of a list. */
    static Map<String, String> numbersByApplicant(List<Application> shown) {
        return shown.stream().collect(Collectors.groupingBy(Application::applicant,
                Collectors.mapping(Application::number, Collectors.collectingAndThen(Collectors.toList(), AuditTrail::details))));
    }

    private WorkItem item(Application a, String step, String taskId, String claimedBy, String applicantName, WorkingDayCalendar calendar) {
        var name = catalog.publishedItem(a.itemCode()).map(i -> i.standard().name()).orElse(null);
        return new WorkItem(a.number(), a.itemCode(), name, a.state(), step, a.timeLimit().dueOn(calendar), taskId, claimedBy, applicantName,
                a.channel());
    }

    private List<String> itemsOfDepartment(StaffMember staff) {
        return catalog.publishedItems().stream()
                .filter(item -> staff.worksIn(item.standard().department()))
                .map(ServiceItem::code)
                .toList();
    }

    /** Decided applications of the department's items in the regions under the prefix, oldest first. */
    private List<Application> toDeliverOrClose(String regionPrefix, List<String> itemCodes) {
        if (itemCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from application where region_code like :p || '%' and state in (:states) and item_code in (:items)
                        order by created_at, number limit :limit""")
                .param("p", regionPrefix).param("states", AFTER_DECISION.stream().map(Enum::name).toList())
                .param("items", itemCodes).param("limit", MAX_ITEMS)
                .query(rows).list();
    }
}
