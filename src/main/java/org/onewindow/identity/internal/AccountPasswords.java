package org.onewindow.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords after registration: anyone signed in changes their own, proving the current one; an
 * administrator resets a member of staff's to a temporary one, shown once, which the account must
 * replace before it may do anything else. Either way the account's stamp moves, so every session
 * and remembered credential made with the old password ends on every node, and it is audited.
 */
@Service
public class AccountPasswords {

    /** The only authority of an account signed in with a password an administrator set: it may only choose its own. */
    public static final String CHANGE_ONLY = "PASSWORD_CHANGE";
    /** No letters or digits that read alike (0/O, 1/l/I), so it can be read out over the phone. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 4;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AccountStanding standing;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    AccountPasswords(JdbcClient jdbc, PasswordEncoder encoder, AccountStanding standing, LoginThrottle throttle, AuditTrail audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.standing = standing;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Replaces the signed-in account's password. A wrong current password counts as a failed
     * sign-in (and may lock the account), so this page is no way around the sign-in's limits.
     */
    @Transactional(noRollbackFor = RuleViolationException.class)
    public void change(String username, String current, String chosen) {
        String hash = jdbc.sql("select password_hash from account where username = :username and enabled")
                .param("username", username).query(String.class).optional().orElse(null);
        List<Violation> violations = new ArrayList<>();
        if (hash == null || current == null || current.isEmpty() || !encoder.matches(current, hash)) {
            violations.add(new Violation("currentPassword", "password-wrong", "account.password-current-wrong"));
        }
        try {
            NewPassword.checked(chosen);
            if (chosen.equals(current)) {
                violations.add(new Violation("password", "password-unchanged", "account.password-unchanged"));
            }
        } catch (RuleViolationException weak) {
            violations.addAll(weak.violations());
        }
        if (!violations.isEmpty()) {
            if (violations.getFirst().field().equals("currentPassword")) {
                throttle.failed(username, null, "wrong current password on the password page");
            }
            throw new RuleViolationException(violations);
        }
        set(username, chosen, false);
        audit.record(username, "account.password-changed", "account:" + username, null);
    }

    /** Sets a new temporary password, returned to be shown once; the caller has checked the administrator's scope. */
    @Transactional
    String reset(String administrator, String username) {
        if (administrator.equals(username)) {
            throw new RuleViolationException(new Violation("username", "staff.not-yourself", "staff.password-not-yourself"));
        }
        String temporary = NewPassword.checked(temporary());
        set(username, temporary, true);
        audit.record(administrator, "staff.password-reset", "account:" + username, "temporary password, change due");
        return temporary;
    }

    private void set(String username, String password, boolean changeDue) {
        jdbc.sql("update account set password_hash = :hash, password_change_due = :due where username = :username")
                .param("hash", encoder.encode(password)).param("due", changeDue).param("username", username).update();
        standing.changed(username);
    }

    private String temporary() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
