package org.onewindow.casework.office;

import java.util.Locale;
import java.util.Optional;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.casework.casefile.ReadingDuty;
import org.onewindow.casework.model.Application;
import org.onewindow.identity.PersonDirectory;
import org.onewindow.identity.PersonDirectory.OnRecord;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whom a case serves, as the office sees it: the applicant's name, their ID number and phone
 * masked, how the application came in and who filed it. A handler whose duty reaches the case may
 * show the ID number and phone in full, and that read is recorded against the applicant.
 */
@Component
class ApplicantOnFile {

    private final PersonDirectory people;
    private final StaffDirectory staffDirectory;
    private final CaseFiles files;
    private final AuditTrail audit;
    private final MessageSource messages;
    /** Looked up when asked: the office's own duty is among them, and it uses the case files too. */
    private final ObjectProvider<ReadingDuty> duties;

    ApplicantOnFile(PersonDirectory people, StaffDirectory staffDirectory, CaseFiles files, AuditTrail audit, MessageSource messages,
                    ObjectProvider<ReadingDuty> duties) {
        this.people = people;
        this.staffDirectory = staffDirectory;
        this.files = files;
        this.audit = audit;
        this.messages = messages;
        this.duties = duties;
    }

    /** What the case page shows of the applicant; {@code inFull} only for {@link #showInFull}. */
    record Applicant(String name, String idNumber, String phone, SubmissionChannel channel, String filedBy, boolean inFull,
                     boolean mayShowInFull) {

        @Override
        public String toString() {
            return "Applicant[" + channel + "]";
        }
    }

    Applicant masked(ApplicationView application, StaffMember me, Locale locale) {
        Optional<OnRecord> found = people.onRecord(application.applicant());
        return new Applicant(found.map(OnRecord::name).orElse(null), found.map(OnRecord::maskedIdNumber).orElse(null),
                found.map(OnRecord::maskedPhone).orElse(null), application.channel(), filedBy(application, locale), false,
                me.has(Role.HANDLER));
    }

    /**
     * The full ID number and phone, for a handler whose duty reaches the case; recorded as a read
     * of the applicant's data with its purpose. Anyone else is refused: a clerk or a handler of
     * another department (403), someone the case is hidden from as if it did not exist (404).
     */
    Applicant showInFull(ApplicationView application, StaffMember me, Locale locale) {
        Application a = files.reload(application.number());
        if (duties.orderedStream().noneMatch(duty -> duty.needsToRead(a, me))) {
            throw new NotFoundException("application", a.number());
        }
        if (!me.has(Role.HANDLER)) {
            throw new AccessDeniedException("only a handler in duty shows an applicant in full");
        }
        OnRecord found = people.onRecord(a.applicant()).orElseThrow(() -> new NotFoundException("application", a.number()));
        audit.recordRead(me.username(), ReadPurpose.APPLICANT_IN_FULL, a.applicant(), a.number());
        return new Applicant(found.name(), found.idNumber(), found.phone(), a.channel(), filedBy(application, locale), true, true);
    }

    /** The clerk at the window by their stored name; a proxy by their masked name; online, the applicant themselves. */
    private String filedBy(ApplicationView application, Locale locale) {
        return switch (application.channel()) {
            case ONLINE -> messages.getMessage("office.applicant.filed.self", null, locale);
            case WINDOW -> messages.getMessage("office.applicant.filed.clerk",
                    new Object[] {staffDirectory.nameOf(application.submittedBy()).orElse(application.submittedBy())}, locale);
            case PROXY -> messages.getMessage("office.applicant.filed.proxy",
                    new Object[] {people.onRecord(application.submittedBy()).map(OnRecord::maskedName).orElse("")}, locale);
        };
    }
}
