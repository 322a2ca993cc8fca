package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayCalendarTest {

    private final HolidayCalendar china = HolidayCalendar.china();

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void theSpringFestivalIsARestDayAndItsMakeUpSundayAWorkingDay() {
        assertThat(china.workingDay(d("2025-01-28"))).as("除夕 2025").isFalse();
        assertThat(china.workingDay(d("2025-02-04"))).isFalse();
        assertThat(china.workingDay(d("2025-02-05"))).isTrue();
        assertThat(china.workingDay(d("2025-01-26"))).as("make-up Sunday").isTrue();
        assertThat(china.makeUpDay(d("2025-01-26"))).isTrue();
        assertThat(china.entry(d("2025-01-28"))).hasValueSatisfying(e -> assertThat(e.nameZh()).isEqualTo("春节"));
    }

    @Test
    void twentyTwentySixHasANineDaySpringFestivalWithTwoMakeUpSaturdays() {
        for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
            assertThat(china.workingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(china.workingDay(d("2026-02-14"))).isTrue();
        assertThat(china.workingDay(d("2026-02-28"))).isTrue();
        assertThat(china.workingDay(d("2026-01-04"))).as("New Year make-up Sunday").isTrue();
        assertThat(china.workingDay(d("2026-10-07"))).isFalse();
        assertThat(china.workingDay(d("2026-10-08"))).isTrue();
        assertThat(china.workingDay(d("2026-10-10"))).as("make-up Saturday").isTrue();
        assertThat(china.workingDay(d("2026-09-25"))).as("Mid-Autumn").isFalse();
    }

    @Test
    void eachCoveredYearHasTheWorkingDaysTheNoticesGive() {
        for (int year : List.of(2025, 2026)) {
            int working = 0;
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                working += china.workingDay(day) ? 1 : 0;
            }
            assertThat(working).as("%d", year).isEqualTo(248);
        }
    }

    @Test
    void outsideTheCoveredYearsOnlyWeekendsRest() {
        assertThat(china.covers(2026)).isTrue();
        assertThat(china.covers(2027)).isFalse();
        assertThat(china.workingDay(d("2027-02-08"))).as("a Monday, no data yet").isTrue();
        assertThat(china.workingDay(d("2027-02-06"))).isFalse();
    }

    @Test
    void aCalendarFileIsValidatedLineByLine() {
        assertThatThrownBy(() -> HolidayCalendar.parse("test", List.of("year 2027", "2027-02-30 holiday x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a date")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("test:2");
        assertThatThrownBy(() -> HolidayCalendar.parse("test", List.of("year 2027", "2027-02-10 vacation x")))
                .hasMessageContaining("holiday|workday");
        assertThatThrownBy(() -> HolidayCalendar.parse("test", List.of("2027-02-10 holiday x"))).hasMessageContaining("outside the covered years");
        assertThatThrownBy(() -> HolidayCalendar.parse("test", List.of("year 2027", "2027-02-10..2027-02-12 holiday x", "2027-02-11 workday y")))
                .hasMessageContaining("listed twice");
        HolidayCalendar corrected = HolidayCalendar.parse("fix", List.of("year 2027 # provisional", "2027-02-06..2027-02-14 holiday 春节 | Spring Festival",
                "2027-02-20 workday 春节调休上班"));
        assertThat(corrected.workingDay(d("2027-02-08"))).isFalse();
        assertThat(corrected.workingDay(d("2027-02-20"))).isTrue();
        assertThat(corrected.entry(d("2027-02-08")).orElseThrow().nameEn()).isEqualTo("Spring Festival");
    }
}
