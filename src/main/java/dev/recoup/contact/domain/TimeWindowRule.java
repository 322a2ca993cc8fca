package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.Set;

/**
 * Contact on {@code channels} only inside the allowed local times of the day, in <b>every</b> zone
 * the person may be in — quiet hours (China 22:00–08:00), Regulation F's 8:00–21:00, CONC's
 * reasonable times, meal and rest hours, the working-day daytime preference (soft).
 *
 * @param text            id and reasons; {@code {localTime}} and {@code {zone}} are filled in
 * @param strength        hard (denies) or soft (advises)
 * @param channels        the channels the rule restricts
 * @param workingDays     the allowed times on working days
 * @param restDays        the allowed times on rest days (weekends, public holidays)
 * @param calendar        which days are working days
 * @param consentSources  consents from these sources open the window ("call me at 22:30"); empty = no consent opens it
 */
public record TimeWindowRule(RuleText text, Strength strength, Set<Channel> channels, DailyWindows workingDays,
                             DailyWindows restDays, WorkingCalendar calendar, Set<ConsentSource> consentSources)
        implements ContactRule {

    public TimeWindowRule {
        if (strength == null || channels == null || channels.isEmpty() || workingDays == null || restDays == null || calendar == null) {
            throw new InvalidInputException(text.id(), String.valueOf(channels), "a time window rule needs channels, windows and a calendar");
        }
        channels = EnumSets.frozen(channels, Channel.class);
        consentSources = EnumSets.frozen(consentSources, ConsentSource.class);
    }

    /** The same windows every day. */
    public static TimeWindowRule everyDay(RuleText text, Set<Channel> channels, DailyWindows allowed, Set<ConsentSource> consentSources) {
        return new TimeWindowRule(text, Strength.HARD, channels, allowed, allowed, WorkingCalendar.WEEKDAYS, consentSources);
    }

    private DailyWindows windows(ZoneClock clock, long t) {
        return calendar.workingDay(clock.day(t)) ? workingDays : restDays;
    }

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (!channels.contains(s.request.channel())) {
            return null;
        }
        for (ZoneClock zone : s.zones) {
            if (!windows(zone, t).allows(zone.secondOfDay(t))) {
                if (s.timeConsent(t, consentSources)) {
                    return null;
                }
                if (!explain) {
                    return OBJECTS;
                }
                return text.hit("localTime", ZoneClock.hhmm(zone.secondOfDay(t)), "zone", zone.id.getId(),
                        "localDate", ZoneClock.date(zone.day(t)), "allowed", windows(zone, t).toString());
            }
        }
        return null;
    }

    @Override
    public long nextChange(Situation s, long t) {
        long edge = NEVER;
        for (ZoneClock zone : s.zones) {
            long day = zone.day(t);
            int next = windows(zone, t).nextEdge(zone.secondOfDay(t));
            edge = Situation.after(t, edge, next >= ZoneClock.DAY ? zone.instant(day + 1, 0) : zone.instant(day, next));
            edge = Situation.after(t, edge, zone.instant(day + 1, 0));
        }
        return Math.min(edge, s.consentEdge(t, consentSources));
    }

    @Override
    public Strength strength() {
        return strength;
    }
}
