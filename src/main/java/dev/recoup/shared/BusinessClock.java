package dev.recoup.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The only source of "now" in Recoup. The business date of a daily run is a separate thing,
 * passed explicitly; this clock says what the wall clock is in the lender's time zone.
 */
public final class BusinessClock {

    private final Clock clock;

    public BusinessClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZonedDateTime zonedNow() {
        return ZonedDateTime.now(clock);
    }
}
