package org.onewindow.identity.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.GovernmentTime;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who read a person's data, for that person: staff are shown by their role, department and
 * region, not by name (decision 0006: staff are not exposed to pressure for doing their duty;
 * the audit record's number lets the person ask a supervisor, who can see who it was).
 */
@Component
class ReadsOfMyData {

    static final int SHOWN = 100;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(GovernmentTime.ZONE);

    private final AuditTrail audit;
    private final StaffDirectory staff;
    private final OrganizationTree tree;
    private final MessageSource messages;

    ReadsOfMyData(AuditTrail audit, StaffDirectory staff, OrganizationTree tree, MessageSource messages) {
        this.audit = audit;
        this.staff = staff;
        this.tree = tree;
        this.messages = messages;
    }

    /** One read as the person sees it: codes for programs, words in the person's language beside them. */
    record ReadOfMyData(long record, Instant at, String when, List<String> staffRoles, String roleNames, String department, String departmentName,
                        String regionCode, String regionName, String purpose, String purposeText, String about) {
    }

    List<ReadOfMyData> of(String username, Locale locale) {
        return audit.readsOf(username, SHOWN).stream().map(read -> view(read, locale)).toList();
    }

    private ReadOfMyData view(AuditTrail.Read read, Locale locale) {
        Optional<StaffMember> reader = staff.staff(read.actor());
        List<String> roles = reader.map(s -> s.roles().stream().filter(r -> r != Role.CITIZEN && r != Role.ENTERPRISE_AGENT)
                .map(Enum::name).sorted().toList()).orElse(List.of());
        String roleNames = roles.isEmpty() ? messages.getMessage("account.reads.staff", null, locale)
                : String.join(messages.getMessage("common.separator", null, locale),
                        roles.stream().map(r -> messages.getMessage("account.role." + r, null, r, locale)).toList());
        String department = reader.map(StaffMember::departmentKind).orElse(null);
        String regionCode = reader.map(s -> s.region().code()).orElse(null);
        return new ReadOfMyData(read.record(), read.at(), MINUTE.format(read.at()), roles, roleNames, department,
                department == null ? null : messages.getMessage("department." + department, null, department, locale),
                regionCode, regionCode == null ? null : tree.region(regionCode).map(r -> r.name(locale)).orElse(regionCode),
                read.purpose(), messages.getMessage("audit.purpose." + read.purpose(), null, read.purpose(), locale), read.detail());
    }
}
