package org.onewindow.identity;

import org.onewindow.identity.internal.AccountStore;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.springframework.stereotype.Service;

/** People as other modules need them: who is this person, by the ID number they show at a window. */
@Service
public class PersonDirectory {

    private final AccountStore accounts;
    private final AuditTrail audit;

    PersonDirectory(AccountStore accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * The account of the person a clerk serves, created without a login when they have none.
     * Every such look-up is recorded against the person.
     */
    public String personAtWindow(ResidentIdNumber idNumber, String name, MobilePhoneNumber phone, StaffMember clerk) {
        String username = accounts.personAtWindow(idNumber, name, phone);
        audit.recordRead(clerk.username(), ReadPurpose.SERVED_AT_WINDOW, username, clerk.region().code());
        return username;
    }
}
