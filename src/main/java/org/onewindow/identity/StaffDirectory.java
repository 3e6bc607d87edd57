package org.onewindow.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.onewindow.identity.internal.AccountStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Finds the staff member behind a signed-in user, with the node of the tree they act for. */
@Service
public class StaffDirectory {

    private final AccountStore accounts;
    private final OrganizationTree tree;
    private final JdbcClient jdbc;

    StaffDirectory(AccountStore accounts, OrganizationTree tree, JdbcClient jdbc) {
        this.accounts = accounts;
        this.tree = tree;
        this.jdbc = jdbc;
    }

    /**
     * The staff with a role who may act on a region: working at the region or above it and,
     * when a department is named, in that kind of department.
     */
    public List<String> responsibleFor(String regionCode, Role role, String departmentKind) {
        return jdbc.sql("""
                select a.username from account a join account_role r on r.account_id = a.id join region g on g.code = a.region_code
                where a.kind = 'STAFF' and a.enabled and r.role = :role and :region like g.prefix || '%'
                  and (cast(:department as text) is null or a.department_id like '%:' || cast(:department as text))
                order by a.username""")
                .param("role", role.name()).param("region", regionCode).param("department", departmentKind)
                .query(String.class).list();
    }

    /** The staff member behind a signed-in user; refused (403) for anyone who is not staff. */
    public StaffMember requireStaff(String username) {
        return staff(username).orElseThrow(() -> new AccessDeniedException("not a member of staff"));
    }

    /** The name a member of staff is known by, as stored with their account: how a page tells who took a step. */
    public Optional<String> nameOf(String username) {
        return username == null ? Optional.empty()
                : accounts.find(username).filter(account -> "STAFF".equals(account.kind())).map(AccountStore.AccountRecord::displayName);
    }

    /**
     * Read at every call, not remembered: a change of role, department or region takes effect at
     * once on every node (one look-up by user name; staff requests are few beside citizens').
     */
    public Optional<StaffMember> staff(String username) {
        return username == null ? Optional.empty() : lookUp(username);
    }

    private Optional<StaffMember> lookUp(String username) {
        return accounts.find(username)
                .filter(account -> "STAFF".equals(account.kind()))
                .flatMap(account -> tree.region(account.regionCode())
                        .map(region -> new StaffMember(account.username(), account.roles(), Department.parse(account.departmentId()), region)));
    }
}
