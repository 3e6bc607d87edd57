package org.onewindow.casework.office;

import java.util.Set;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.casework.casefile.ReadingDuty;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.process.ApplicationProcesses;
import org.onewindow.casework.process.OfficeTasks;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.springframework.stereotype.Component;

/**
 * What the office's work needs to read. The window of a region accepts any item and answers any
 * applicant who asks at the counter, so its clerks read the region's cases. A handler reads the
 * cases of the items their department is responsible for, and those with a task offered to them
 * or held by them (another department's countersignature), not every case of the region.
 */
@Component
class OfficeDuty implements ReadingDuty {

    private final CaseFiles files;
    private final ApplicationProcesses processes;
    private final OfficeTasks tasks;

    OfficeDuty(CaseFiles files, ApplicationProcesses processes, OfficeTasks tasks) {
        this.files = files;
        this.processes = processes;
        this.tasks = tasks;
    }

    @Override
    public boolean needsToRead(Application a, StaffMember staff) {
        if (!staff.mayActOn(a.regionCode())) {
            return false;
        }
        if (staff.has(Role.CLERK)) {
            return true;
        }
        if (!staff.has(Role.HANDLER)) {
            return false;
        }
        return files.inResponsibleDepartment(staff, a.itemCode()) || offered(a, staff);
    }

    private boolean offered(Application a, StaffMember staff) {
        Set<String> groups = OfficeTasks.groupsOf(staff);
        return processes.openTasks(a.number()).stream().flatMap(open -> open.tasks().stream())
                .anyMatch(task -> staff.username().equals(task.assignee()) || (task.assignee() == null && tasks.isCandidate(task.id(), groups)));
    }
}
