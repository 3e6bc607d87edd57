package org.onewindow.shared.audit;

/**
 * Why a member of staff read someone else's data: one code per place where staff read it. The
 * words for people are in the messages bundle under {@code audit.purpose.<code>}.
 */
public enum ReadPurpose {
    /** One application opened to work on it or to look into it (office page, status page, API). */
    CASE_HANDLING("case-handling", "casework.application-read"),
    /** The office's worklist: the cases waiting for the member of staff. */
    WORKLIST("worklist", "casework.worklist-read"),
    /** The tasks API: the same as the worklist, for a client program. */
    TASK_LIST("task-list", "casework.task-list-read"),
    /** The outbox page: checking that people were told. */
    OUTBOX_CHECK("outbox-check", "casework.outbox-read"),
    /** The supervisor's list of applications late or at risk of being late. */
    TIME_LIMIT_WATCH("time-limit-watch", "casework.time-limits-read"),
    /** The supervisor's list of bad ratings waiting for their answer, with the applicants' words. */
    RATING_FOLLOW_UP("rating-follow-up", "casework.rating-follow-ups-read"),
    /** A person found or recorded at a service hall's window. */
    SERVED_AT_WINDOW("served-at-window", "identity.person-served-at-window"),
    /** A handler showed an applicant's full ID number and phone, shown masked on the case, to act on it. */
    APPLICANT_IN_FULL("applicant-in-full", "casework.applicant-shown-in-full"),
    /** A document handed in with an application, opened or downloaded by staff working on the case. */
    DOCUMENT_OPENED("document-opened", "casework.document-read"),
    /** The decision notice of an application, printed by staff (it shows the applicant's masked ID number). */
    DECISION_NOTICE("decision-notice", "casework.decision-notice-read");

    private final String code;
    private final String action;

    ReadPurpose(String code, String action) {
        this.code = code;
        this.action = action;
    }

    public String code() {
        return code;
    }

    /** The audit action of such a read. */
    public String action() {
        return action;
    }
}
