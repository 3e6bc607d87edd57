package org.onewindow.casework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.casework.persistence.ApplicationRepository;
import org.onewindow.casework.process.ApplicationProcesses;
import org.onewindow.casework.process.OfficeTask;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
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

    private final ApplicationProcesses processes;
    private final ApplicationRepository applications;
    private final CatalogService catalog;
    private final WorkingCalendar workingCalendar;

    Worklist(ApplicationProcesses processes, ApplicationRepository applications, CatalogService catalog, WorkingCalendar workingCalendar) {
        this.processes = processes;
        this.applications = applications;
        this.catalog = catalog;
        this.workingCalendar = workingCalendar;
    }

    /** Open tasks, oldest first, then decided applications to deliver or close; empty for staff who neither accept nor handle. */
    public List<WorkItem> openFor(StaffMember staff) {
        WorkingDayCalendar calendar = workingCalendar.current();
        List<OfficeTask> tasks = processes.taskList(staff, MAX_ITEMS);
        Map<String, Application> byNumber = applications.findByNumbers(tasks.stream().map(OfficeTask::applicationNumber).toList())
                .stream().collect(Collectors.toMap(Application::number, Function.identity()));
        List<WorkItem> work = new ArrayList<>();
        for (OfficeTask task : tasks) {
            Application a = byNumber.get(task.applicationNumber());
            if (a != null) {
                work.add(item(a, task.kind().name().toLowerCase(Locale.ROOT), task.id(), task.assignee(), calendar));
            }
        }
        if (staff.has(Role.HANDLER)) {
            List<String> ownItems = itemsOfDepartment(staff);
            applications.openInRegion(staff.region().prefix(), AFTER_DECISION, ownItems, MAX_ITEMS).stream()
                    .sorted(Comparator.comparing(ApplicationRepository.Listed::submittedAt))
                    .map(ApplicationRepository.Listed::application)
                    .forEach(a -> work.add(item(a, a.state() == ApplicationState.DELIVERED ? "closure" : "delivery", null, null, calendar)));
        }
        return work;
    }

    private WorkItem item(Application a, String step, String taskId, String claimedBy, WorkingDayCalendar calendar) {
        var name = catalog.publishedItem(a.itemCode()).map(i -> i.standard().name()).orElse(null);
        return new WorkItem(a.number(), a.itemCode(), name, a.state(), step, a.dueOn(calendar), taskId, claimedBy);
    }

    private List<String> itemsOfDepartment(StaffMember staff) {
        String departmentId = staff.departmentId();
        if (departmentId == null || !departmentId.contains(":")) {
            return List.of();
        }
        String department = departmentId.substring(departmentId.lastIndexOf(':') + 1);
        return catalog.publishedItems().stream()
                .filter(item -> department.equals(item.standard().department()))
                .map(ServiceItem::code)
                .toList();
    }
}
