package org.onewindow.casework.application;

import org.onewindow.identity.PersonRecordClaimed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a clerk filed at a window for someone without an account follows them to the account
 * they verify later. In the verification's own transaction, not after it: the moment the
 * account is verified, its applications are there, and a failure leaves the account unverified.
 * Running it twice changes nothing.
 */
@Component
class ClaimedWindowRecords {

    private final JdbcClient jdbc;

    ClaimedWindowRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PersonRecordClaimed claimed) {
        for (String statement : new String[] {
                "update application set applicant = :account where applicant = :record",
                "update application_bundle set applicant = :account where applicant = :record",
                "update notification set recipient = :account where recipient = :record and channel = 'INBOX'"}) {
            jdbc.sql(statement).param("account", claimed.account()).param("record", claimed.record()).update();
        }
    }
}
