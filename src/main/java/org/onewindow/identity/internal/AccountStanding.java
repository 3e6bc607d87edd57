package org.onewindow.identity.internal;

import java.io.Serializable;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an account may do now, read from the database at every request (one look-up by primary
 * key), so that a disabled account, a changed role or a new second factor takes effect at once
 * on every node: a page session or a remembered API credential made under another stamp ends.
 */
@Component
class AccountStanding {

    private final JdbcClient jdbc;

    AccountStanding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An enabled account's standing; empty for a disabled or unknown account. */
    Optional<Standing> of(String username) {
        return jdbc.sql("""
                select access_stamp, totp_secret_cipher is not null as enrolled, totp_required, password_change_due
                from account where username = :username and enabled""")
                .param("username", username)
                .query((rs, n) -> new Standing(rs.getLong("access_stamp"), rs.getBoolean("enrolled"), rs.getBoolean("totp_required"),
                        rs.getBoolean("password_change_due")))
                .optional();
    }

    /** Bumps the stamp: sessions and remembered credentials of the account end at their next request. */
    void changed(String username) {
        jdbc.sql("update account set access_stamp = access_stamp + 1 where username = :username").param("username", username).update();
    }

    /**
     * @param stamp         changes whenever what the account may do changes
     * @param totpEnrolled  the account signs in with a TOTP code
     * @param totpRequired  an administrator requires a second factor of it
     * @param passwordChangeDue  its password was set by an administrator and must be changed first
     */
    record Standing(long stamp, boolean totpEnrolled, boolean totpRequired, boolean passwordChangeDue) {
        boolean needsSecondFactor() {
            return totpEnrolled || totpRequired;
        }
    }

    /** The stamp an authentication was made under, kept as its details (in the session for pages). */
    record SignedInUnder(long stamp) implements Serializable {
    }
}
