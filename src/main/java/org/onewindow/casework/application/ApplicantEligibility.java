package org.onewindow.casework.application;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.Eligibility;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.PersonDirectory.VerifiedPerson;

/**
 * What a person's verified identity says about an item's conditions, told before they fill in
 * anything. An age comes from the birth date in the ID number and is certain: someone too young
 * or too old cannot apply (the submission is refused as well). A household registration is only
 * likely from the region that issued the number (people move theirs), so a different region is a
 * warning and the person may go on.
 */
final class ApplicantEligibility {

    private ApplicantEligibility() {
    }

    /** One condition the person seems not to meet, or could not be checked against; a firm one stops the application. */
    record Finding(String rule, boolean firm, Object... args) {

        String messageKey() {
            return "apply.eligibility." + rule;
        }
    }

    /**
     * What the identity says, empty when the item states no condition a person can be checked
     * against, or the applicant is not a person (an enterprise's agent applies for the enterprise).
     */
    static List<Finding> findings(ServiceItem item, Audience applicantIs, Optional<VerifiedPerson> person, LocalDate today) {
        Eligibility conditions = item.standard().eligibility();
        if (conditions.nothingToCheck() || applicantIs != Audience.PERSON) {
            return List.of();
        }
        if (person.isEmpty()) {
            return List.of(new Finding("unchecked", false));
        }
        List<Finding> findings = new ArrayList<>();
        LocalDate born = person.get().birthDate();
        int age = Period.between(born, today).getYears();
        if (conditions.minimumAge() != null && age < conditions.minimumAge()) {
            findings.add(new Finding("too-young", true, conditions.minimumAge(), age, born.plusYears(conditions.minimumAge()).toString()));
        }
        if (conditions.maximumAge() != null && age > conditions.maximumAge()) {
            findings.add(new Finding("too-old", true, conditions.maximumAge(), age));
        }
        if (conditions.hukouRegion() != null && !person.get().regionCode().startsWith(conditions.hukouRegion())) {
            findings.add(new Finding("hukou-elsewhere", false, conditions.hukouRegion(), person.get().regionCode()));
        }
        return findings;
    }

    static Optional<Finding> firstFirm(List<Finding> findings) {
        return findings.stream().filter(Finding::firm).findFirst();
    }
}
