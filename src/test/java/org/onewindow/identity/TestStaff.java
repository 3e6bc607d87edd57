package org.onewindow.identity;

import java.util.EnumSet;
import org.onewindow.identity.internal.AccountStore;
import org.onewindow.identity.internal.DemoPasswordStaff;
import org.springframework.stereotype.Component;

/**
 * Test fixture of the identity module for other modules' tests: more staff than the demo
 * government has (a second handler for four eyes, handlers of more departments), created on
 * first use with the demo password. Other modules' tests use this instead of identity's internals.
 */
@Component
public class TestStaff {

    private final AccountStore accounts;

    TestStaff(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** A handler of a department at a region, signing in with the demo password ({@code DemoPeople.signedIn(username)}). */
    public void handler(String username, String regionCode, String department) {
        if (!accounts.exists(username)) {
            DemoPasswordStaff.add(accounts, username, "审批", regionCode, regionCode + ":" + department, EnumSet.of(Role.HANDLER));
        }
    }
}
