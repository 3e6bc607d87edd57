package org.onewindow.identity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.onewindow.identity.RealNameRegister.Answer;
import org.onewindow.identity.internal.AccountStore;
import org.onewindow.identity.internal.PersonRecords;
import org.onewindow.identity.internal.PersonRecords.Holder;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.pii.PersonalDataMask;
import org.onewindow.shared.audit.ReadPurpose;
import org.springframework.stereotype.Service;

/**
 * People as other modules need them: who is this person, by the ID number they show at a window.
 * An ID number leads only to the account (or window record) that holds it verified, and only
 * when the name the clerk typed is the name on record: a mistyped number or a wrong name stops
 * the filing instead of reaching a stranger.
 */
@Service
public class PersonDirectory {

    private final PersonRecords records;
    private final AccountStore accounts;
    private final AuditTrail audit;

    PersonDirectory(PersonRecords records, AccountStore accounts, AuditTrail audit) {
        this.records = records;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Whom a member of staff serves, as the platform holds them: the name, the ID number (a
     * person's; an enterprise's credit code) and the phone. Shown masked; whoever shows it in
     * full records why. Never log it: its {@code toString} is masked.
     */
    public record OnRecord(String name, String idNumber, String phone) {

        public String maskedName() {
            return PersonalDataMask.name(name);
        }

        public String maskedIdNumber() {
            return PersonalDataMask.idNumber(idNumber);
        }

        public String maskedPhone() {
            return PersonalDataMask.phone(phone);
        }

        @Override
        public String toString() {
            return "OnRecord[" + maskedName() + "]";
        }
    }

    /** The person or enterprise behind an account, or empty when there is no such account. Reading it is the caller's to record. */
    public Optional<OnRecord> onRecord(String username) {
        return accounts.find(username).map(account -> new OnRecord(account.displayName(),
                account.idNumber() != null ? account.idNumber() : account.creditCode(), account.phone()));
    }

    /** The masked names of accounts, by user name, in one query: for lists that show whom each case serves. */
    public Map<String, String> maskedNames(Collection<String> usernames) {
        return records.namesOf(usernames).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> PersonalDataMask.name(e.getValue())));
    }

    /** Whom a window filing will belong to, masked, for the clerk to confirm with the person. */
    public record PersonAtWindow(String maskedName, String maskedIdNumber, boolean hasAccount) {
    }

    /**
     * Checks the name and ID number as {@link #personAtWindow} does, without recording anything
     * but the look-up itself.
     */
    public PersonAtWindow whoIsAtWindow(ResidentIdNumber idNumber, String name, StaffMember clerk) {
        Optional<Holder> holder = records.holderOf(idNumber);
        holder.ifPresentOrElse(h -> requireSameName(h, name), () -> requireRegisterMatch(idNumber, name));
        // a look-up of someone's record: they see it among the reads of their data
        holder.ifPresent(h -> audit.recordRead(clerk.username(), ReadPurpose.SERVED_AT_WINDOW, h.username(), clerk.region().code()));
        return new PersonAtWindow(PersonalDataMask.name(name.strip()), PersonalDataMask.idNumber(idNumber.value()),
                holder.filter(Holder::openedByPerson).isPresent());
    }

    /**
     * The account of the person a clerk serves, or the login-less record kept for them when they
     * have no verified account (a clerk cannot set a password for someone else; they take the
     * record over when they verify an account of their own). Every such look-up is recorded
     * against the person.
     *
     * @throws RuleViolationException naming {@code applicant.name} when the name is not the one
     *         on record for the number, {@code applicant.idNumber} when the register cannot be asked
     */
    public String personAtWindow(ResidentIdNumber idNumber, String name, MobilePhoneNumber phone, StaffMember clerk) {
        String username = records.holderOf(idNumber)
                .map(holder -> {
                    requireSameName(holder, name);
                    return holder.username();
                })
                .orElseGet(() -> {
                    requireRegisterMatch(idNumber, name);
                    return records.recordAtWindow(idNumber, name.strip(), phone, records.register().id() + ":" + clerk.username());
                });
        audit.recordRead(clerk.username(), ReadPurpose.SERVED_AT_WINDOW, username, clerk.region().code());
        return username;
    }

    /** A person's resident ID number, masked, for a document made for them (a decision notice); empty when the account has none. */
    public Optional<String> maskedIdNumberOf(String username) {
        return records.idNumberOf(username).map(PersonalDataMask::idNumber);
    }

    /** Whether an account's ID number has been verified (enterprise agents and staff: always). */
    public boolean isVerified(String username) {
        return records.isBound(username);
    }

    /**
     * What a person's verified ID number tells about them: the birth date, and the region where the
     * number was issued (their household registration, 户籍, unless they moved it since).
     */
    public record VerifiedPerson(LocalDate birthDate, String regionCode) {
    }

    /** Empty for an account whose ID number the register has not confirmed, an enterprise agent's and staff. */
    public Optional<VerifiedPerson> verifiedPerson(String username) {
        return records.verifiedIdNumber(username).map(id -> new VerifiedPerson(id.birthDate(), id.regionCode()));
    }

    /** Whether an account is an enterprise agent's: items for enterprises are theirs, items for persons are not. */
    public boolean isEnterprise(String username) {
        return records.isEnterprise(username);
    }

    private static void requireSameName(Holder holder, String name) {
        if (!holder.name().equals(name == null ? null : name.strip())) {
            throw new RuleViolationException(Violation.of("applicant.name", "person.name-mismatch"));
        }
    }

    private void requireRegisterMatch(ResidentIdNumber idNumber, String name) {
        Answer answer = records.register().check(name == null ? null : name.strip(), idNumber, null);
        if (answer == Answer.UNAVAILABLE) {
            throw new RuleViolationException(Violation.of("applicant.idNumber", "person.register-unavailable"));
        }
        if (answer == Answer.NO_MATCH) {
            throw new RuleViolationException(Violation.of("applicant.name", "person.name-mismatch"));
        }
    }
}
