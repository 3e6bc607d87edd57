package org.onewindow.identity.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.onewindow.identity.Role;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators keep the staff accounts of their part of the tree: create them, disable and
 * enable them, change their roles, region and department, require a second factor, and unlock
 * them after failed sign-ins. Each change is audited and bumps the account's stamp, so that it
 * holds at the account's next request on every node. Accounts outside the administrator's part
 * of the tree answer as if they did not exist.
 */
@Service
public class StaffAccounts {

    static final Set<Role> STAFF_ROLES = EnumSet.complementOf(EnumSet.of(Role.CITIZEN, Role.ENTERPRISE_AGENT));
    private static final String USERNAME = "^[a-z0-9._-]{3,40}$";

    private final AccountStore accounts;
    private final AccountStanding standing;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final AccountPasswords passwords;
    private final JdbcClient jdbc;

    StaffAccounts(AccountStore accounts, AccountStanding standing, LoginThrottle throttle, AuditTrail audit, JdbcClient jdbc,
                  AccountPasswords passwords) {
        this.accounts = accounts;
        this.standing = standing;
        this.throttle = throttle;
        this.audit = audit;
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** A staff account as administrators see it. */
    public record StaffAccount(String username, String name, String regionCode, String departmentId, List<String> roles,
                               boolean enabled, boolean secondFactorRequired, boolean secondFactorEnrolled, boolean locked) {
    }

    /** What an administrator gives for a new member of staff, or to change one (password only when new). */
    public record StaffDetails(String username, String password, String name, String regionCode, String departmentId, Set<Role> roles) {
        @Override
        public String toString() {
            return "StaffDetails[" + username + "]";
        }
    }

    public List<StaffAccount> list(String administrator) {
        List<String> locked = throttle.lockedAccounts();
        return jdbc.sql("""
                select a.username, a.display_name, a.region_code, a.department_id, a.enabled, a.totp_required,
                       a.totp_secret_cipher is not null as enrolled,
                       coalesce((select string_agg(r.role, ',' order by r.role) from account_role r where r.account_id = a.id), '') roles
                from account a join region g on g.code = a.region_code
                where a.kind = 'STAFF' and g.code like :prefix || '%'
                order by a.region_code, a.username""")
                .param("prefix", scope(administrator))
                .query((rs, n) -> new StaffAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("region_code"),
                        rs.getString("department_id"), rs.getString("roles").isEmpty() ? List.of() : List.of(rs.getString("roles").split(",")),
                        rs.getBoolean("enabled"), rs.getBoolean("totp_required"), rs.getBoolean("enrolled"),
                        locked.contains(rs.getString("username"))))
                .list();
    }

    public StaffAccount get(String administrator, String username) {
        return list(administrator).stream().filter(s -> s.username().equals(username)).findFirst()
                .orElseThrow(() -> new NotFoundException("staff", username));
    }

    @Transactional
    public StaffAccount create(String administrator, StaffDetails details) {
        List<Violation> violations = new ArrayList<>();
        if (details.username() == null || !details.username().matches(USERNAME)) {
            violations.add(new Violation("username", "username-format", "account.username-format"));
        } else if (accounts.exists(details.username())) {
            violations.add(new Violation("username", "username-taken", "rule.account.username-taken"));
        }
        if (details.name() == null || details.name().isBlank() || details.name().length() > 50) {
            violations.add(new Violation("name", "name-required", "staff.name-required"));
        }
        violations.addAll(placement(administrator, details));
        try {
            NewPassword.checked(details.password());
        } catch (RuleViolationException weak) {
            violations.addAll(weak.violations());
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        accounts.addStaff(details.username(), details.password(), details.name().strip(), details.regionCode(),
                blankToNull(details.departmentId()), details.roles());
        audit.record(administrator, "staff.created", "account:" + details.username(), "roles " + sorted(details.roles()));
        return get(administrator, details.username());
    }

    @Transactional
    public StaffAccount assign(String administrator, String username, StaffDetails details) {
        get(administrator, username);
        List<Violation> violations = placement(administrator, details);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        jdbc.sql("update account set region_code = :region, department_id = :department where username = :username")
                .param("region", details.regionCode()).param("department", blankToNull(details.departmentId()))
                .param("username", username).update();
        jdbc.sql("delete from account_role where account_id = (select id from account where username = :username)")
                .param("username", username).update();
        for (Role role : details.roles()) {
            jdbc.sql("insert into account_role (account_id, role) select id, :role from account where username = :username")
                    .param("role", role.name()).param("username", username).update();
        }
        standing.changed(username);
        audit.record(administrator, "staff.assigned", "account:" + username,
                "region " + details.regionCode() + ", department " + details.departmentId() + ", roles " + sorted(details.roles()));
        return get(administrator, username);
    }

    @Transactional
    public StaffAccount setEnabled(String administrator, String username, boolean enabled) {
        get(administrator, username);
        if (!enabled && username.equals(administrator)) {
            throw new RuleViolationException(new Violation("username", "staff.not-yourself", "staff.not-yourself"));
        }
        jdbc.sql("update account set enabled = :enabled where username = :username").param("enabled", enabled)
                .param("username", username).update();
        standing.changed(username);
        audit.record(administrator, enabled ? "staff.enabled" : "staff.disabled", "account:" + username, null);
        return get(administrator, username);
    }

    @Transactional
    public StaffAccount requireSecondFactor(String administrator, String username, boolean required) {
        get(administrator, username);
        jdbc.sql("update account set totp_required = :required where username = :username").param("required", required)
                .param("username", username).update();
        standing.changed(username);
        audit.record(administrator, required ? "staff.second-factor-required" : "staff.second-factor-optional", "account:" + username, null);
        return get(administrator, username);
    }

    /**
     * Gives a member of staff in the administrator's part of the tree a new temporary password,
     * returned to be shown once: they sign in with it to nothing but choosing their own.
     */
    @Transactional
    public String resetPassword(String administrator, String username) {
        get(administrator, username);
        return passwords.reset(administrator, username);
    }

    @Transactional
    public StaffAccount unlock(String administrator, String username) {
        get(administrator, username);
        throttle.unlock(username, administrator);
        return get(administrator, username);
    }

    private List<Violation> placement(String administrator, StaffDetails details) {
        List<Violation> violations = new ArrayList<>();
        String region = details.regionCode();
        boolean inScope = region != null && jdbc.sql("select count(*) from region where code = :code and code like :prefix || '%'")
                .param("code", region).param("prefix", scope(administrator)).query(Integer.class).single() > 0;
        if (!inScope) {
            violations.add(new Violation("regionCode", "staff.region-outside", "staff.region-outside"));
        } else if (blankToNull(details.departmentId()) != null && jdbc.sql(
                "select count(*) from department where id = :id and region_code = :region")
                .param("id", details.departmentId()).param("region", region).query(Integer.class).single() == 0) {
            violations.add(new Violation("departmentId", "staff.department-outside", "staff.department-outside"));
        }
        if (details.roles() == null || details.roles().isEmpty() || !STAFF_ROLES.containsAll(details.roles())) {
            violations.add(new Violation("roles", "staff.roles", "staff.roles-missing"));
        }
        return violations;
    }

    /** The significant prefix of the administrator's region: their part of the tree. */
    private String scope(String administrator) {
        return jdbc.sql("select g.prefix from account a join region g on g.code = a.region_code where a.username = :username")
                .param("username", administrator).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("staff", administrator));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String sorted(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
