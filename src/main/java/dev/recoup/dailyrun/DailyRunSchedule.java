package dev.recoup.dailyrun;

import dev.recoup.shared.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The nightly run, and resuming a run that a crash interrupted. */
@Component
class DailyRunSchedule {

    private static final Logger log = LoggerFactory.getLogger(DailyRunSchedule.class);
    private final DailyRunService runs;
    private final BusinessClock clock;

    DailyRunSchedule(DailyRunService runs, BusinessClock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Scheduled(cron = "${recoup.daily-run.schedule:0 30 1 * * *}", zone = "${recoup.time-zone:Asia/Shanghai}")
    void nightly() {
        try {
            runs.start(clock.today(), "schedule");
        } catch (RuntimeException e) {
            log.warn("The nightly daily run did not start: {}", e.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterCrash() {
        runs.resumeInterruptedRun();
    }
}
