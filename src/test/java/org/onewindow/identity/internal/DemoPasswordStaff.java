package org.onewindow.identity.internal;

import java.util.Set;
import org.onewindow.identity.Role;

/** Test staff with the demo password, which is seeded like the demo's and never chosen through {@link NewPassword}. */
public final class DemoPasswordStaff {

    private DemoPasswordStaff() {
    }

    public static void add(AccountStore accounts, String username, String name, String regionCode, String departmentId, Set<Role> roles) {
        accounts.addStaff(username, accounts.hash(DemoOrganization.DEMO_PASSWORD), name, regionCode, departmentId, roles);
    }
}
