package org.onewindow.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.onewindow.shared.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Password guessing is stopped by counting failed sign-ins per account and per client address in
 * the database (every node sees them): after {@code onewindow.login.account-failures} failures
 * in a row an account is locked for {@code first-lock}, and each further failure doubles the
 * lock up to {@code longest-lock}; an address that fails {@code address-failures} times (many
 * accounts tried from one place) is locked the same way. While locked, even the right password
 * is refused. A lock ends by itself, or when an administrator unlocks the account; a successful
 * sign-in clears the account's count. Each failure is logged with the name and address masked,
 * and audited.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final int accountFailures;
    private final int addressFailures;
    private final Duration firstLock;
    private final Duration longestLock;
    private final Duration forgetAfter;

    LoginThrottle(JdbcClient jdbc, AuditTrail audit, Optional<Clock> clock,
                  @Value("${onewindow.login.account-failures:5}") int accountFailures,
                  @Value("${onewindow.login.address-failures:20}") int addressFailures,
                  @Value("${onewindow.login.first-lock:1m}") Duration firstLock,
                  @Value("${onewindow.login.longest-lock:1h}") Duration longestLock,
                  @Value("${onewindow.login.forget-after:24h}") Duration forgetAfter) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.firstLock = firstLock;
        this.longestLock = longestLock;
        this.forgetAfter = forgetAfter;
    }

    /** Until when sign-ins of this account or from this address are refused, if they are now. */
    Optional<Instant> lockedUntil(String username, String address) {
        return jdbc.sql("select max(locked_until) from login_throttle where key in (:account, :address) and locked_until > :now")
                .param("account", accountKey(username)).param("address", addressKey(address)).param("now", now())
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Whether the account has failures counted (a successful sign-in then clears them). */
    boolean hasFailures(String username) {
        return jdbc.sql("select count(*) from login_throttle where key = :key").param("key", accountKey(username))
                .query(Integer.class).single() > 0;
    }

    void failed(String username, String address, String reason) {
        int forAccount = count(accountKey(username), accountFailures);
        int fromAddress = count(addressKey(address), addressFailures);
        log.warn("Failed sign-in ({}) for account {} from {}: {} in a row for the account, {} from the address",
                reason, maskedName(username), maskedAddress(address), forAccount, fromAddress);
        audit.record(username, "login.failed", "account:" + username,
                reason + ", from " + maskedAddress(address) + ", failure " + forAccount + " in a row");
    }

    void succeeded(String username) {
        jdbc.sql("delete from login_throttle where key = :key").param("key", accountKey(username)).update();
    }

    /** An administrator ends the account's lock and forgets its failures. */
    public void unlock(String username, String administrator) {
        succeeded(username);
        audit.record(administrator, "login.unlocked", "account:" + username, null);
    }

    /** Failures long forgotten and not locking anything: a spray of made-up user names must not fill the table. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        OffsetDateTime now = now();
        jdbc.sql("delete from login_throttle where last_failure_at < :forget and (locked_until is null or locked_until < :now)")
                .param("forget", now.minus(forgetAfter)).param("now", now).update();
    }

    /** The accounts locked now, for the administrators' page. */
    public List<String> lockedAccounts() {
        return jdbc.sql("select substr(key, 9) from login_throttle where key like 'account:%' and locked_until > :now order by key")
                .param("now", now()).query(String.class).list();
    }

    private int count(String key, int threshold) {
        OffsetDateTime now = now();
        int failures = jdbc.sql("""
                insert into login_throttle (key, failures, last_failure_at) values (:key, 1, :now)
                on conflict (key) do update set
                    failures = case when login_throttle.last_failure_at < :forget then 1 else login_throttle.failures + 1 end,
                    last_failure_at = :now
                returning failures""")
                .param("key", key).param("now", now).param("forget", now.minus(forgetAfter))
                .query(Integer.class).single();
        if (failures >= threshold) {
            jdbc.sql("update login_throttle set locked_until = :until where key = :key")
                    .param("key", key).param("until", now.plus(lockFor(failures - threshold))).update();
        }
        return failures;
    }

    private Duration lockFor(int failuresBeyond) {
        Duration lock = firstLock.multipliedBy(1L << Math.min(failuresBeyond, 20));
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String accountKey(String username) {
        return "account:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    static String maskedName(String username) {
        if (username == null || username.isEmpty()) {
            return "?";
        }
        int shown = Math.min(2, username.length() - 1);
        return username.substring(0, Math.max(shown, 0)) + "***";
    }

    static String maskedAddress(String address) {
        if (address == null) {
            return "unknown";
        }
        int dot = address.indexOf('.', address.indexOf('.') + 1);
        if (dot > 0 && !address.contains(":")) {
            return address.substring(0, dot) + ".x.x";
        }
        int colon = address.indexOf(':', address.indexOf(':') + 1);
        return colon > 0 ? address.substring(0, colon) + ":x" : "x";
    }
}
