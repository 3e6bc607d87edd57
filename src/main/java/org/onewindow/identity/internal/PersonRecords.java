package org.onewindow.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.PersonRecordClaimed;
import org.onewindow.identity.RealNameRegister;
import org.onewindow.identity.RealNameRegister.Answer;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.Role;
import org.onewindow.shared.pii.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Which account an ID number belongs to. Only a verified account, or the verified record a clerk
 * keeps for someone served at a window, holds an ID number; an account whose number the
 * real-name register has not confirmed holds nothing, however early it registered.
 */
@Repository
public class PersonRecords {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final RealNameRegister register;
    private final ApplicationEventPublisher events;

    /** The hash of a random secret that is never stored or shown: the password of records made at a window. */
    private final Supplier<String> unknownSecretHash;

    PersonRecords(JdbcClient jdbc, PersonalDataCipher cipher, RealNameRegister register, ApplicationEventPublisher events,
                  PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.register = register;
        this.events = events;
        this.unknownSecretHash = SingletonSupplier.of(() -> passwords.encode(UUID.randomUUID().toString()));
    }

    /** The account or window record that holds an ID number; its name is the one the register confirmed. */
    public record Holder(String username, String name, boolean openedByPerson, String phone) {
        @Override
        public String toString() {
            return "Holder[" + username + "]";
        }
    }

    /** What asking to be verified came to. */
    public enum Verification {
        VERIFIED, ALREADY_VERIFIED, NO_MATCH, PHONE_REQUIRED, HELD_BY_ANOTHER_ACCOUNT, REGISTER_UNAVAILABLE, NOT_A_PERSON
    }

    public RealNameRegister register() {
        return register;
    }

    public Optional<Holder> holderOf(ResidentIdNumber idNumber) {
        return jdbc.sql("""
                select username, display_name, opened_by_person, phone_cipher from account
                where id_number_index = :i and identity_verified_at is not null""")
                .param("i", cipher.blindIndex(idNumber.value()))
                .query((rs, n) -> new Holder(rs.getString("username"), rs.getString("display_name"), rs.getBoolean("opened_by_person"),
                        decrypt(rs.getString("phone_cipher"))))
                .optional();
    }

    /** The names accounts are known by, by user name; accounts that do not exist are left out. */
    public Map<String, String> namesOf(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select username, display_name from account where username in (:u)").param("u", List.copyOf(usernames))
                .query(rs -> {
                    names.put(rs.getString("username"), rs.getString("display_name"));
                });
        return names;
    }

    /** A person's resident ID number as their account holds it; empty for an enterprise agent, staff or an unknown name. */
    public Optional<String> idNumberOf(String username) {
        return jdbc.sql("select id_number_cipher from account where username = :u and id_number_cipher is not null")
                .param("u", username).query(String.class).optional().map(this::decrypt);
    }

    /** Persons count once verified; enterprise agents and staff have no ID number to verify. */
    public boolean isBound(String username) {
        return jdbc.sql("select kind <> 'PERSON' or identity_verified_at is not null from account where username = :u and claimed_by is null")
                .param("u", username).query(Boolean.class).optional().orElse(false);
    }

    public boolean isEnterprise(String username) {
        return jdbc.sql("select kind = 'ENTERPRISE' from account where username = :u")
                .param("u", username).query(Boolean.class).optional().orElse(false);
    }

    public boolean isVerified(String username) {
        return jdbc.sql("select identity_verified_at is not null from account where username = :u")
                .param("u", username).query(Boolean.class).optional().orElse(false);
    }

    /** The ID number the register confirmed for a person's account; none while it is unconfirmed. */
    public Optional<ResidentIdNumber> verifiedIdNumber(String username) {
        return jdbc.sql("""
                select id_number_cipher from account
                where username = :u and kind = 'PERSON' and identity_verified_at is not null and claimed_by is null""")
                .param("u", username).query(String.class).optional().map(this::decrypt).map(ResidentIdNumber::new);
    }

    /**
     * The login-less record of someone the register confirmed at a window, who has no verified
     * account: an older unverified record of theirs is verified, or a new one made. Returns its
     * user name.
     */
    @Transactional
    public String recordAtWindow(ResidentIdNumber idNumber, String name, MobilePhoneNumber phone, String verifiedBy) {
        String index = cipher.blindIndex(idNumber.value());
        Optional<String> earlier = jdbc.sql("""
                update account set identity_verified_at = now(), identity_verified_by = :by, display_name = :name
                where id = (select id from account where id_number_index = :i and not opened_by_person and claimed_by is null limit 1)
                returning username""")
                .param("i", index).param("by", verifiedBy).param("name", name).query(String.class).optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UUID id = UUID.randomUUID();
        // disabled, with the hash of a secret nobody knows: nobody signs in as a window record
        // (one secret per process, hashed once: a BCrypt hash per person was 80% of the CPU of a window filing)
        String username = jdbc.sql("""
                insert into account (id, username, password_hash, kind, display_name, id_number_cipher, id_number_index, phone_cipher,
                                     enabled, opened_by_person, identity_verified_at, identity_verified_by)
                values (:id, :username, :hash, 'PERSON', :name, :idCipher, :idIndex, :phone, false, false, now(), :by)
                returning username""")
                .param("id", id).param("username", "p-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16))
                .param("hash", unknownSecretHash.get()).param("name", name)
                .param("idCipher", cipher.encrypt(idNumber.value())).param("idIndex", index)
                .param("phone", phone == null ? null : cipher.encrypt(phone.value())).param("by", verifiedBy)
                .query(String.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, :role)").param("id", id).param("role", Role.CITIZEN.name()).update();
        return username;
    }

    /**
     * An account for someone an identity provider vouched for, under the provider's user name when
     * it is a valid and free one (else a generated one); without a password of its own.
     */
    @Transactional
    public String openForExternalIdentity(String providerName, String name, ResidentIdNumber idNumber) {
        boolean usable = providerName != null && providerName.matches("^(?!p-)[a-z0-9._-]{3,40}$")
                && jdbc.sql("select count(*) from account where username = :u").param("u", providerName).query(Integer.class).single() == 0;
        String username = usable ? providerName : "x-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into account (id, username, password_hash, kind, display_name, id_number_cipher, id_number_index)
                values (:id, :username, :hash, 'PERSON', :name, :idCipher, :idIndex)""")
                .param("id", id).param("username", username).param("hash", unknownSecretHash.get()).param("name", name)
                .param("idCipher", cipher.encrypt(idNumber.value())).param("idIndex", cipher.blindIndex(idNumber.value()))
                .update();
        jdbc.sql("insert into account_role (account_id, role) values (:id, :role)").param("id", id).param("role", Role.CITIZEN.name()).update();
        return username;
    }

    /**
     * Asks the register whether the account's name, ID number and phone belong together. A match
     * verifies the account, unless another account with a login already holds the number; a
     * window record of the person is taken over (its cases follow through {@link PersonRecordClaimed}).
     */
    @Transactional
    public Verification verify(String username) {
        record Claim(String kind, String name, String idNumber, String phone, boolean verified) {
        }
        Optional<Claim> found = jdbc.sql("""
                select kind, display_name, id_number_cipher, phone_cipher, identity_verified_at is not null as verified
                from account where username = :u for update""")
                .param("u", username)
                .query((rs, n) -> new Claim(rs.getString("kind"), rs.getString("display_name"), decrypt(rs.getString("id_number_cipher")),
                        decrypt(rs.getString("phone_cipher")), rs.getBoolean("verified")))
                .optional();
        if (found.isEmpty() || !found.get().kind().equals("PERSON")) {
            return Verification.NOT_A_PERSON;
        }
        Claim claim = found.get();
        if (claim.verified()) {
            return Verification.ALREADY_VERIFIED;
        }
        if (claim.phone() == null) {
            return Verification.PHONE_REQUIRED;
        }
        ResidentIdNumber idNumber = new ResidentIdNumber(claim.idNumber());
        Answer answer = register.check(claim.name(), idNumber, new MobilePhoneNumber(claim.phone()));
        if (answer != Answer.MATCH) {
            return answer == Answer.NO_MATCH ? Verification.NO_MATCH : Verification.REGISTER_UNAVAILABLE;
        }
        return bind(username, idNumber, register.id());
    }

    /**
     * Marks an account verified by someone who vouched for its ID number (the register, an OIDC
     * provider), taking over a window record of the same person.
     */
    @Transactional
    public Verification bind(String username, ResidentIdNumber idNumber, String verifiedBy) {
        Optional<Holder> holder = holderOf(idNumber);
        if (holder.filter(h -> h.username().equals(username)).isPresent()) {
            return Verification.ALREADY_VERIFIED;
        }
        if (holder.filter(Holder::openedByPerson).isPresent()) {
            return Verification.HELD_BY_ANOTHER_ACCOUNT;
        }
        Instant now = Instant.now();
        holder.ifPresent(record -> {
            jdbc.sql("update account set identity_verified_at = null, claimed_by = :by where username = :u")
                    .param("u", record.username()).param("by", username).update();
            jdbc.sql("update proxy_authorization set principal = :to where principal = :from")
                    .param("from", record.username()).param("to", username).update();
            events.publishEvent(new PersonRecordClaimed(record.username(), username, now));
        });
        jdbc.sql("update account set identity_verified_at = :at, identity_verified_by = :by where username = :u")
                .param("u", username).param("at", Timestamp.from(now)).param("by", verifiedBy).update();
        return Verification.VERIFIED;
    }

    private String decrypt(String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }
}
