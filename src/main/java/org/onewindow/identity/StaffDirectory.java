package org.onewindow.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * Staff members looked up in the last minute: every request of a member of staff needs their
     * record, and it changes rarely. Like a remembered login (RecentlyVerifiedCredentials), a
     * change of role or department takes effect within a minute.
     */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private static final long REMEMBER_FOR_NANOS = Duration.ofSeconds(60).toNanos();
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(StaffMember staff, long since) {
    }

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

    public Optional<StaffMember> staff(String username) {
        if (username == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Remembered known = remembered.get(username);
        if (known != null && now - known.since() < REMEMBER_FOR_NANOS) {
            return Optional.of(known.staff());
        }
        Optional<StaffMember> found = lookUp(username);
        found.ifPresentOrElse(staff -> remember(username, new Remembered(staff, now)), () -> remembered.remove(username));
        return found;
    }

    private void remember(String username, Remembered staff) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(username, staff);
    }

    private Optional<StaffMember> lookUp(String username) {
        return accounts.find(username)
                .filter(account -> "STAFF".equals(account.kind()))
                .flatMap(account -> tree.region(account.regionCode())
                        .map(region -> new StaffMember(account.username(), account.roles(), Department.parse(account.departmentId()), region)));
    }
}
