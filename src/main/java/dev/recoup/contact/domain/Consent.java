package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person's consent to be contacted — "call me Monday 19:00–20:00", "you can call me to discuss
 * the repayment options", "call me at the office".
 *
 * <p>What a consent opens depends on what it says:
 * <ul>
 *   <li>with a time window ({@code windowStart}/{@code windowEnd}) it opens that window on its days,
 *       even inside quiet hours or a time the person called inconvenient — they asked for it;</li>
 *   <li>with an {@code endpoint} it opens that number or address even at a place otherwise closed
 *       (home, work — Reg F §1006.6(b)(4)(i));</li>
 *   <li>for Regulation F's call frequencies, a consent given directly to the collector excludes
 *       the calls placed under it from the 7-in-7 count for at most seven days from its receipt
 *       (§1006.14(b)(3)(i)), until it ends, is revoked or a conversation about the debt happens.</li>
 * </ul>
 * A consent without a time window never opens quiet hours: "call back on Monday" is not a licence
 * to call at 06:00.
 *
 * @param contactId   the person who consented (and who may be contacted under it)
 * @param source      who received it — Regulation F only honours consent given directly to the collector
 * @param receivedAt  when it was received; it is valid from then
 * @param channels    the channels it covers; empty = all
 * @param debtIds     the debts it is about; empty = all
 * @param days        the days of the week it names (in {@code zone}); empty = every day
 * @param windowStart start of the local time window, or null (no window); a window may wrap midnight
 * @param windowEnd   end of the window (exclusive), or null
 * @param zone        the zone of the window, null = the person's first possible zone
 * @param endpoint    the number or address it names, or null
 * @param validUntil  end of validity (exclusive), or null
 * @param revokedAt   when it was withdrawn, or null
 */
public record Consent(String contactId, ConsentSource source, Instant receivedAt, Set<Channel> channels,
                      Set<String> debtIds, Set<DayOfWeek> days, LocalTime windowStart, LocalTime windowEnd, ZoneId zone,
                      String endpoint, Instant validUntil, Instant revokedAt) {

    public Consent {
        if (contactId == null || source == null || receivedAt == null) {
            throw new InvalidInputException("consent", String.valueOf(contactId), "a consent needs a contact, a source and when it was received");
        }
        if ((windowStart == null) != (windowEnd == null) || windowStart != null && windowStart.equals(windowEnd)) {
            throw new InvalidInputException("consent.window", windowStart + "–" + windowEnd, "a time window needs a start and a different end");
        }
        channels = EnumSets.frozen(channels, Channel.class);
        debtIds = debtIds == null ? Set.of() : Set.copyOf(debtIds);
        days = EnumSets.frozen(days, DayOfWeek.class);
    }

    /** A consent given directly by {@code contactId} at {@code receivedAt}, covering everything until narrowed. */
    public static Consent given(String contactId, Instant receivedAt) {
        return new Consent(contactId, ConsentSource.DEBTOR_DIRECT, receivedAt, Set.of(), Set.of(), Set.of(), null, null, null,
                null, null, null);
    }

    public Consent source(ConsentSource value) {
        return new Consent(contactId, value, receivedAt, channels, debtIds, days, windowStart, windowEnd, zone, endpoint,
                validUntil, revokedAt);
    }

    public Consent channels(Channel... value) {
        return new Consent(contactId, source, receivedAt, EnumSets.frozen(java.util.Arrays.asList(value), Channel.class), debtIds, days, windowStart, windowEnd, zone, endpoint,
                validUntil, revokedAt);
    }

    /** Telephone calls, by an agent or a robot. */
    public Consent calls() {
        return channels(Channel.AGENT_CALL, Channel.ROBOT_CALL);
    }

    public Consent about(String... debts) {
        return new Consent(contactId, source, receivedAt, channels, Set.of(debts), days, windowStart, windowEnd, zone, endpoint,
                validUntil, revokedAt);
    }

    public Consent on(DayOfWeek first, DayOfWeek... more) {
        return new Consent(contactId, source, receivedAt, channels, debtIds, Set.copyOf(EnumSet.of(first, more)), windowStart, windowEnd,
                zone, endpoint, validUntil, revokedAt);
    }

    public Consent between(LocalTime start, LocalTime end) {
        return new Consent(contactId, source, receivedAt, channels, debtIds, days, start, end, zone, endpoint, validUntil,
                revokedAt);
    }

    public Consent in(ZoneId value) {
        return new Consent(contactId, source, receivedAt, channels, debtIds, days, windowStart, windowEnd, value, endpoint,
                validUntil, revokedAt);
    }

    public Consent at(String endpointAddress) {
        return new Consent(contactId, source, receivedAt, channels, debtIds, days, windowStart, windowEnd, zone, endpointAddress,
                validUntil, revokedAt);
    }

    public Consent until(Instant value) {
        return new Consent(contactId, source, receivedAt, channels, debtIds, days, windowStart, windowEnd, zone, endpoint, value,
                revokedAt);
    }

    public Consent revokedAt(Instant value) {
        return new Consent(contactId, source, receivedAt, channels, debtIds, days, windowStart, windowEnd, zone, endpoint,
                validUntil, value);
    }

    public boolean hasTimeWindow() {
        return windowStart != null;
    }

    boolean covers(Channel channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    boolean coversDebt(String debt) {
        return debtIds.isEmpty() || debt.isEmpty() || debtIds.contains(debt);
    }

    /** Valid at second {@code t}: received, not ended, not revoked. */
    boolean validAt(long t) {
        return receivedAt.getEpochSecond() <= t
                && (validUntil == null || t < validUntil.getEpochSecond())
                && (revokedAt == null || t < revokedAt.getEpochSecond());
    }
}
