package org.onewindow.casework;

import org.onewindow.catalog.LocalizedText;

/** A rule of a decision table that matched an application, with the plain-words reason it stands for. */
public record FiredRule(String ruleId, String outcome, LocalizedText explanation) {
}
