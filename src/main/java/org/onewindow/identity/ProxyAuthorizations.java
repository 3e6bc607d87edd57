package org.onewindow.identity;

import org.onewindow.shared.GovernmentTime;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.identity.internal.AccountStore;
import org.onewindow.identity.internal.PersonRecords;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may act for whom. A person grants, and may revoke at any time; a clerk may record a grant
 * for someone at the window who has no smartphone. A proxy acts only for the items and until the
 * date the principal chose.
 */
@Service
public class ProxyAuthorizations {

    private static final int LONGEST_YEARS = 5;

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final PersonRecords records;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProxyAuthorizations(JdbcClient jdbc, AccountStore accounts, PersonRecords records, AuditTrail audit, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.records = records;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public ProxyAuthorization grant(String principal, String proxy, List<String> itemCodes, LocalDate validUntil, String grantedBy) {
        LocalDate today = GovernmentTime.today(clock);
        // an account whose ID number is not verified is nobody yet: it neither gives nor receives authority
        if (!records.isBound(principal)) {
            throw new RuleViolationException(Violation.of("principal", "proxy.principal-unverified"));
        }
        if (proxy == null || !accounts.exists(proxy) || proxy.equals(principal) || !records.isBound(proxy)) {
            throw new RuleViolationException(Violation.of("proxy", "proxy.unknown-person"));
        }
        if (validUntil == null || validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(LONGEST_YEARS))) {
            throw new RuleViolationException(Violation.of("validUntil", "proxy.valid-until-range", LONGEST_YEARS));
        }
        List<String> codes = itemCodes == null ? List.of() : itemCodes.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (codes.isEmpty() || codes.size() > 50) {
            throw new RuleViolationException(Violation.of("itemCodes", "proxy.items-required"));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into proxy_authorization (id, principal, proxy, item_codes, valid_until, granted_by)
                values (:id, :principal, :proxy, :items, :until, :by)""")
                .param("id", id).param("principal", principal).param("proxy", proxy).param("items", codes.toArray(String[]::new))
                .param("until", Date.valueOf(validUntil)).param("by", grantedBy)
                .update();
        audit.record(grantedBy, "identity.proxy-granted", principal, "proxy " + proxy + " for " + codes + " until " + validUntil);
        events.publishEvent(new ProxyAuthorizationGranted(id, principal, proxy, codes, validUntil, grantedBy));
        return find(id).orElseThrow();
    }

    @Transactional
    public ProxyAuthorization revoke(UUID id, String principal) {
        ProxyAuthorization authorization = find(id).filter(a -> a.principal().equals(principal))
                .orElseThrow(() -> new NotFoundException("proxy-authorization", id.toString()));
        Instant now = clock.instant();
        int revoked = jdbc.sql("update proxy_authorization set revoked_at = :at, revoked_by = :by where id = :id and revoked_at is null")
                .param("id", id).param("at", Timestamp.from(now)).param("by", principal).update();
        audit.record(principal, "identity.proxy-revoked", principal, "proxy " + authorization.proxy());
        if (revoked == 1) {
            events.publishEvent(new ProxyAuthorizationRevoked(id, principal, authorization.proxy(), now));
        }
        return find(id).orElseThrow();
    }

    /** Authorizations a person gave or received, newest first. */
    public List<ProxyAuthorization> involving(String username) {
        return jdbc.sql("select * from proxy_authorization where principal = :u or proxy = :u order by granted_at desc")
                .param("u", username).query(ProxyAuthorizations::authorization).list();
    }

    public boolean mayActFor(String proxy, String principal, String itemCode) {
        if (!records.isBound(proxy) || !records.isBound(principal)) {
            return false;
        }
        LocalDate today = GovernmentTime.today(clock);
        return jdbc.sql("select * from proxy_authorization where proxy = :proxy and principal = :principal and revoked_at is null")
                .param("proxy", proxy).param("principal", principal).query(ProxyAuthorizations::authorization).list()
                .stream().anyMatch(a -> a.covers(itemCode, today));
    }

    public void requireMayActFor(String proxy, String principal, String itemCode) {
        if (!mayActFor(proxy, principal, itemCode)) {
            throw new AccessDeniedException("no current authorization to act for this person on this item");
        }
    }

    private Optional<ProxyAuthorization> find(UUID id) {
        return jdbc.sql("select * from proxy_authorization where id = :id").param("id", id).query(ProxyAuthorizations::authorization).optional();
    }

    private static ProxyAuthorization authorization(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ProxyAuthorization(rs.getObject("id", UUID.class), rs.getString("principal"), rs.getString("proxy"),
                Arrays.asList((String[]) rs.getArray("item_codes").getArray()), rs.getDate("valid_until").toLocalDate(),
                rs.getString("granted_by"), rs.getTimestamp("granted_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
