package dev.recoup.support.browser;

import dev.recoup.shared.BusinessClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The application's {@link BusinessClock} over a clock the test sets: "22:30 in Beijing" is a fact a
 * browser test arranges, not a time it waits for. Until {@link #set} it runs with the system clock;
 * {@link #reset} returns to it (the base class does after every test).
 */
public final class SettableClock extends Clock {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    /** Today (Beijing) at the given local time, e.g. {@code atToday(22, 30)}. */
    public Instant atToday(int hour, int minute) {
        Instant at = LocalDateTime.of(java.time.LocalDate.now(BEIJING), java.time.LocalTime.of(hour, minute)).atZone(BEIJING).toInstant();
        set(at);
        return at;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return BEIJING;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the business clock keeps the lender's zone");
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    /** Puts the settable clock behind the application's BusinessClock (imported by {@link BrowserTest}). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        SettableClock settableClock() {
            return new SettableClock();
        }

        @Bean
        @Primary
        BusinessClock settableBusinessClock(SettableClock clock) {
            return new BusinessClock(clock);
        }
    }
}
