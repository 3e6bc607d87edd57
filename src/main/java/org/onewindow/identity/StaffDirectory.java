package org.onewindow.identity;

import java.util.Optional;
import org.onewindow.identity.internal.AccountStore;
import org.springframework.stereotype.Service;

/** Finds the staff member behind a signed-in user, with the node of the tree they act for. */
@Service
public class StaffDirectory {

    private final AccountStore accounts;
    private final OrganizationTree tree;

    StaffDirectory(AccountStore accounts, OrganizationTree tree) {
        this.accounts = accounts;
        this.tree = tree;
    }

    public Optional<StaffMember> staff(String username) {
        return accounts.find(username)
                .filter(account -> "STAFF".equals(account.kind()))
                .flatMap(account -> tree.region(account.regionCode())
                        .map(region -> new StaffMember(account.username(), account.roles(), account.departmentId(), region)));
    }
}
