package org.onewindow.identity;

import java.time.Instant;

/**
 * A person verified an account of their own and so took over the login-less record a clerk had
 * kept for them at a window: whatever was filed for {@code record} now belongs to {@code account}.
 */
public record PersonRecordClaimed(String record, String account, Instant at) {
}
