package dev.recoup.contact.domain;

import java.time.LocalDate;

/** Which days are working days: weekdays by default, a {@link HolidayCalendar} where public holidays and make-up days matter. */
public interface WorkingCalendar {

    /** Monday to Friday; no holidays. */
    WorkingCalendar WEEKDAYS = new WorkingCalendar() {
        @Override
        public boolean workingDay(long epochDay) {
            return isWeekday(epochDay);
        }

        @Override
        public String toString() {
            return "weekdays";
        }
    };

    /** Whether the day with this {@link LocalDate#toEpochDay() epoch day} is a working day. */
    boolean workingDay(long epochDay);

    default boolean workingDay(LocalDate date) {
        return workingDay(date.toEpochDay());
    }

    /** Monday to Friday (epoch day 0, 1970-01-01, was a Thursday). */
    static boolean isWeekday(long epochDay) {
        return Math.floorMod(epochDay + 3, 7) < 5;
    }
}
