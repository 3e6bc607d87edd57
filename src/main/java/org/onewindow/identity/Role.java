package org.onewindow.identity;

/** What an account may do. Staff roles apply within the staff member's node of the tree and below. */
public enum Role {
    CITIZEN, ENTERPRISE_AGENT, CLERK, HANDLER, DATA_STEWARD, SUPERVISOR, ADMINISTRATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
