package org.onewindow.identity;

import java.util.Set;

/**
 * A signed-in member of staff as other modules see them: their roles and the node of the tree
 * they work at. They may act on that node and on everything below it.
 */
public record StaffMember(String username, Set<Role> roles, String departmentId, Region region) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean mayActOn(String regionCode) {
        return region.covers(regionCode);
    }

    /**
     * An administrator of the province: what must be the same everywhere below it (the standard
     * list, the processes, the working calendar) is set here and nowhere else.
     */
    public boolean isProvinceAdministrator() {
        return has(Role.ADMINISTRATOR) && region.level() == AdministrativeLevel.PROVINCE;
    }
}
