package org.onewindow.shared.delivery;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What the outboxes do when a gateway refuses a message: wait twice as long before each new
 * attempt (30 seconds, then a minute, ... eight attempts span about two hours), and keep the
 * gateway's reason short and free of anything that could be a phone or ID number, because it is
 * stored and shown to administrators.
 */
public final class RefusedDelivery {

    public static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    private static final Pattern LONG_NUMBER = Pattern.compile("[0-9]{7,}");

    private RefusedDelivery() {
    }

    public static Duration pauseAfter(int attempt) {
        return FIRST_PAUSE.multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    public static String reason(Exception refused) {
        String text = refused.getClass().getSimpleName() + (refused.getMessage() == null ? "" : ": " + refused.getMessage());
        text = LONG_NUMBER.matcher(text).replaceAll("***");
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
