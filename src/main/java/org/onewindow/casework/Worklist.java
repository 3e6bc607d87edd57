package org.onewindow.casework;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.casework.persistence.ApplicationRepository;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.springframework.stereotype.Service;

/**
 * What the office has to do next, for one member of staff: clerks accept what came in to any
 * window of their part of the tree; handlers do that too for their own department's items, and
 * review, deliver and close them.
 *
 * <p>For now this reads the applications' states; when the BPMN engine runs the process, the
 * internals become a query of the engine's user tasks (the signature stays).
 */
@Service
public class Worklist {

    private static final int MAX_ITEMS = 500;
    private static final Set<ApplicationState> ACCEPTANCE = EnumSet.of(ApplicationState.SUBMITTED);
    private static final Set<ApplicationState> HANDLING = EnumSet.of(ApplicationState.ACCEPTED, ApplicationState.UNDER_REVIEW,
            ApplicationState.APPROVED, ApplicationState.DENIED, ApplicationState.DELIVERED);

    private final ApplicationRepository applications;
    private final CatalogService catalog;
    private final WorkingCalendar workingCalendar;

    Worklist(ApplicationRepository applications, CatalogService catalog, WorkingCalendar workingCalendar) {
        this.applications = applications;
        this.catalog = catalog;
        this.workingCalendar = workingCalendar;
    }

    /** Open work in the staff member's region and below, oldest first; empty for staff who neither accept nor handle. */
    public List<WorkItem> openFor(StaffMember staff) {
        String prefix = staff.region().prefix();
        List<ApplicationRepository.Listed> found = new ArrayList<>();
        if (staff.has(Role.CLERK)) {
            found.addAll(applications.openInRegion(prefix, ACCEPTANCE, null, MAX_ITEMS));
        }
        if (staff.has(Role.HANDLER)) {
            List<String> ownItems = itemsOfDepartment(staff);
            Set<ApplicationState> states = EnumSet.copyOf(HANDLING);
            if (!staff.has(Role.CLERK)) {
                states.addAll(ACCEPTANCE);
            }
            found.addAll(applications.openInRegion(prefix, states, ownItems, MAX_ITEMS));
        }
        WorkingDayCalendar calendar = workingCalendar.current();
        return found.stream()
                .sorted(java.util.Comparator.comparing(ApplicationRepository.Listed::submittedAt))
                .map(listed -> {
                    var a = listed.application();
                    var name = catalog.publishedItem(a.itemCode()).map(i -> i.standard().name()).orElse(null);
                    return new WorkItem(a.number(), a.itemCode(), name, a.state(), stepFor(a.state()), a.dueOn(calendar), null);
                })
                .toList();
    }

    /** The step the office takes next in a state. */
    static String stepFor(ApplicationState state) {
        return switch (state) {
            case SUBMITTED -> "acceptance";
            case ACCEPTED, UNDER_REVIEW -> "review";
            case APPROVED, DENIED -> "delivery";
            case DELIVERED -> "closure";
            default -> "none";
        };
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
