package org.onewindow.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates on ID cards, time limits and holidays are Beijing dates, wherever the server runs and
 * whatever its clock's zone: one definition of "today" for the whole platform.
 */
public final class GovernmentTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private GovernmentTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
