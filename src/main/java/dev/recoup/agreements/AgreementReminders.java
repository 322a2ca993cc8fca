package dev.recoup.agreements;

import dev.recoup.agreements.persistence.ReminderSender;
import dev.recoup.shared.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Reminders before promised dates and plan instalments (R15), every morning
 * ({@code recoup.agreements.reminders.schedule}, 09:00 in {@code recoup.time-zone}; "-" for none) —
 * not in the daily run: at 01:30 the gate would hold them until contact hours anyway, and a day's
 * few thousand enqueues (one template rendering each) would lengthen the run's completion
 * transaction for nothing. Each reminder is enqueued in its own transaction and keyed, so running it
 * twice, or on two instances, sends nothing twice.
 */
@Component
public class AgreementReminders {

    private static final Logger log = LoggerFactory.getLogger(AgreementReminders.class);

    private final ReminderSender sender;
    private final BusinessClock clock;

    AgreementReminders(ReminderSender sender, BusinessClock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** What a round of reminders did: enqueued, and skipped because the outbox refused them (logged). */
    public record Sent(long enqueued, long skipped) {
    }

    @Scheduled(cron = "${recoup.agreements.reminders.schedule:0 0 9 * * *}", zone = "${recoup.time-zone:Asia/Shanghai}")
    void morning() {
        try {
            Sent sent = send(clock.today());
            log.info("Promise and plan reminders for {}: {}", clock.today(), sent);
        } catch (RuntimeException e) {
            log.warn("Promise and plan reminders did not run: {}", e.getMessage(), e);
        }
    }

    /** Enqueues the reminders due on {@code day} (promises and plan instalments due the configured days after it). */
    public Sent send(LocalDate day) {
        ReminderSender.Sent sent = sender.send(day);
        return new Sent(sent.enqueued(), sent.skipped());
    }
}
