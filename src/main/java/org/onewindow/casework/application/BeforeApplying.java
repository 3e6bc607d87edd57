package org.onewindow.casework.application;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.onewindow.casework.decision.DecisionTables;
import org.onewindow.casework.process.ItemProcedures;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.OrganizationTree;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the apply page tells before the form is filled in: the item's conditions the person's
 * verified identity does not meet, and the optional questions without which the item's decision
 * table cannot approve at once.
 */
@Component
class BeforeApplying {

    private final Submissions submissions;
    private final OrganizationTree tree;
    private final MessageSource messages;
    private final ItemProcedures procedures;
    private final DecisionTables tables;

    BeforeApplying(Submissions submissions, OrganizationTree tree, MessageSource messages, ItemProcedures procedures,
                   DecisionTables tables) {
        this.submissions = submissions;
        this.tree = tree;
        this.messages = messages;
        this.procedures = procedures;
        this.tables = tables;
    }

    /** One thing to tell, named by its rule; a firm one means the person cannot apply (the form is not offered). */
    record Note(String rule, String text, boolean firm) {

        public String id() {
            return "eligibility-" + rule;
        }
    }

    List<Note> eligibility(ServiceItem item, String applicant, Locale locale) {
        return submissions.eligibility(item, applicant).stream().map(f -> new Note(f.rule(),
                messages.getMessage(f.messageKey(), args(f, item, locale), locale), f.firm())).toList();
    }

    /** The names of the optional questions the automatic decision needs answered; required ones are asked anyway. */
    Set<String> neededForInstantDecision(ServiceItem item) {
        Set<String> needed = procedures.forItem(item.code()).table().map(tables::neededForApproval).<Set<String>>map(HashSet::new)
                .orElseGet(HashSet::new);
        return item.standard().form().stream().filter(field -> !field.required() && needed.contains(field.name()))
                .map(FormField::name).collect(Collectors.toUnmodifiableSet());
    }

    private Object[] args(ApplicantEligibility.Finding finding, ServiceItem item, Locale locale) {
        return switch (finding.rule()) {
            case "hukou-elsewhere" -> new Object[] {regionName((String) finding.args()[0], locale), regionName((String) finding.args()[1], locale)};
            case "unchecked" -> new Object[] {item.standard().conditions().in(locale)};
            default -> finding.args();
        };
    }

    /** "33" is Zhejiang Province, "3301" Hangzhou: a prefix is the region whose code it starts. */
    private String regionName(String prefix, Locale locale) {
        String code = (prefix + "000000").substring(0, 6);
        return tree.region(code).map(r -> r.name(locale)).orElse(prefix);
    }
}
