package org.onewindow.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.time.Instant;
import org.onewindow.identity.AccountOpened;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.Role;
import org.onewindow.identity.UnifiedSocialCreditCode;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.pii.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of people, enterprises and staff. ID numbers and phone numbers are stored only
 * encrypted, with a keyed hash beside the ID number so that "is this number registered?" needs
 * no decryption.
 */
@Repository
public class AccountStore implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;

    AccountStore(JdbcClient jdbc, PasswordEncoder passwords, PersonalDataCipher cipher, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.cipher = cipher;
    }

    /**
     * A password hashed once for several accounts that share it: the demo accounts all have the
     * published demo password, and each BCrypt hash cost about 0.15 s of a first start.
     */
    record PasswordHash(String value) {
    }

    PasswordHash hash(String password) {
        return new PasswordHash(passwords.encode(password));
    }

    @Transactional
    public UUID registerPerson(String username, String password, String name, ResidentIdNumber idNumber, MobilePhoneNumber phone) {
        return registerPerson(username, hash(NewPassword.checked(password)), name, idNumber, phone);
    }

    @Transactional
    UUID registerPerson(String username, PasswordHash password, String name, ResidentIdNumber idNumber, MobilePhoneNumber phone) {
        requireFreeUsername(username);
        // an ID number anyone may claim: it holds nothing until verified (PersonRecords), so it is not unique here
        String index = cipher.blindIndex(idNumber.value());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into account (id, username, password_hash, kind, display_name, id_number_cipher, id_number_index, phone_cipher)
                values (:id, :username, :hash, 'PERSON', :name, :idCipher, :idIndex, :phone)""")
                .param("id", id).param("username", username).param("hash", password.value())
                .param("name", name).param("idCipher", cipher.encrypt(idNumber.value())).param("idIndex", index)
                .param("phone", phone == null ? null : cipher.encrypt(phone.value()))
                .update();
        grant(id, Role.CITIZEN);
        events.publishEvent(new AccountOpened(username, "PERSON", Instant.now()));
        return id;
    }

    @Transactional
    public UUID registerEnterprise(String username, String password, String name, UnifiedSocialCreditCode creditCode) {
        return registerEnterprise(username, hash(NewPassword.checked(password)), name, creditCode);
    }

    @Transactional
    UUID registerEnterprise(String username, PasswordHash password, String name, UnifiedSocialCreditCode creditCode) {
        requireFreeUsername(username);
        if (jdbc.sql("select count(*) from account where credit_code = :c").param("c", creditCode.value()).query(Integer.class).single() > 0) {
            throw new ConflictException("account.credit-code-registered");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into account (id, username, password_hash, kind, display_name, credit_code)
                values (:id, :username, :hash, 'ENTERPRISE', :name, :code)""")
                .param("id", id).param("username", username).param("hash", password.value())
                .param("name", name).param("code", creditCode.value())
                .update();
        grant(id, Role.ENTERPRISE_AGENT);
        events.publishEvent(new AccountOpened(username, "ENTERPRISE", Instant.now()));
        return id;
    }

    @Transactional
    public UUID addStaff(String username, String password, String name, String regionCode, String departmentId, Set<Role> roles) {
        return addStaff(username, hash(NewPassword.checked(password)), name, regionCode, departmentId, roles);
    }

    @Transactional
    UUID addStaff(String username, PasswordHash password, String name, String regionCode, String departmentId, Set<Role> roles) {
        requireFreeUsername(username);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into account (id, username, password_hash, kind, display_name, region_code, department_id)
                values (:id, :username, :hash, 'STAFF', :name, :region, :department)""")
                .param("id", id).param("username", username).param("hash", password.value())
                .param("name", name).param("region", regionCode).param("department", departmentId)
                .update();
        roles.forEach(role -> grant(id, role));
        return id;
    }

    public Optional<AccountRecord> find(String username) {
        // the roles are read after the account row, not from inside its row mapper: outside a
        // transaction that would hold two pooled connections at once, and enough concurrent
        // look-ups then wait for each other until the pool times out
        return jdbc.sql("""
                select id, username, kind, display_name, id_number_cipher, phone_cipher, credit_code, region_code, department_id
                from account where username = :username""")
                .param("username", username)
                .query((rs, n) -> new AccountRecord(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("kind"), rs.getString("display_name"),
                        decrypt(rs.getString("id_number_cipher")), decrypt(rs.getString("phone_cipher")),
                        rs.getString("credit_code"), rs.getString("region_code"), rs.getString("department_id"), Set.of()))
                .optional()
                .map(account -> account.withRoles(roles(account.id())));
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Integer.class).single() > 0;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Login(UUID id, String hash, boolean enabled) {
        }
        Login login = jdbc.sql("select id, password_hash, enabled from account where username = :username")
                .param("username", username)
                .query((rs, n) -> new Login(rs.getObject("id", UUID.class), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such account"));
        List<SimpleGrantedAuthority> authorities = roles(login.id()).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return User.withUsername(username).password(login.hash()).disabled(!login.enabled()).authorities(authorities).build();
    }

    private Set<Role> roles(UUID accountId) {
        return jdbc.sql("select role from account_role where account_id = :id").param("id", accountId)
                .query(String.class).list().stream().map(Role::valueOf).collect(Collectors.toSet());
    }

    private void grant(UUID accountId, Role role) {
        jdbc.sql("insert into account_role (account_id, role) values (:id, :role)").param("id", accountId).param("role", role.name()).update();
    }

    private void requireFreeUsername(String username) {
        if (exists(username)) {
            throw new ConflictException("account.username-taken");
        }
    }

    private String decrypt(String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }

    /** An account as read from the store, identifiers decrypted: never log or render it unmasked. */
    public record AccountRecord(UUID id, String username, String kind, String displayName, String idNumber, String phone,
                                String creditCode, String regionCode, String departmentId, Set<Role> roles) {
        AccountRecord withRoles(Set<Role> granted) {
            return new AccountRecord(id, username, kind, displayName, idNumber, phone, creditCode, regionCode, departmentId, granted);
        }

        @Override
        public String toString() {
            return "AccountRecord[" + username + ", " + kind + "]";
        }
    }
}
