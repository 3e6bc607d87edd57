package org.onewindow.identity;

import java.time.Instant;

/**
 * Someone opened an account: a person ({@code PERSON}) or an enterprise agent ({@code ENTERPRISE}).
 * It carries the user name only, never the ID number or credit code, and says nothing of whether
 * the identity was verified.
 */
public record AccountOpened(String username, String kind, Instant at) {
}
