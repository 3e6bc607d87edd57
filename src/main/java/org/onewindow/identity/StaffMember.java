package org.onewindow.identity;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * A signed-in member of staff as other modules see them: their roles, their department (none for
 * clerks of a service hall, supervisors and administrators) and the node of the tree they work
 * at. They may act on that node and on everything below it. Controllers take it as a parameter:
 * it is resolved from the signed-in user, and a caller who is not staff is refused (403).
 */
public record StaffMember(String username, Set<Role> roles, Department department, Region region) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean mayActOn(String regionCode) {
        return region.covers(regionCode);
    }

    /** Whether they work in the kind of department a standard item names as responsible. */
    public boolean worksIn(String departmentKind) {
        return department != null && department.isOfKind(departmentKind);
    }

    /** The kind of their department, or null when they have none. */
    public String departmentKind() {
        return department == null ? null : department.kind();
    }

    /**
     * An administrator of the province: what must be the same everywhere below it (the standard
     * list, the processes, the working calendar) is set here and nowhere else.
     */
    public boolean isProvinceAdministrator() {
        return has(Role.ADMINISTRATOR) && region.level() == AdministrativeLevel.PROVINCE;
    }

    /** Refuses (403) anyone but a province administrator; {@code what} says what they tried to change, for the log. */
    public void requireProvinceAdministrator(String what) {
        if (!isProvinceAdministrator()) {
            throw new AccessDeniedException(what + " is kept by the province's administrators");
        }
    }
}
