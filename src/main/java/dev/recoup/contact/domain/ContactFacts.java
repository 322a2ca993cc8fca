package dev.recoup.contact.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What is known about the person contacted when the decision is made, loaded by the caller:
 *
 * @param zones                  the time zones the person may be in (empty = the pack's defaults)
 * @param history                the ledger with this person, at least {@link RulePack#historyLookback()} back
 * @param consents               consents the person gave (any age; rules check validity)
 * @param holds                  holds on the case or the person (any age; rules check when they apply)
 * @param inconvenientTimes      times known to be inconvenient to the person
 * @param misdirectedEndpoints   numbers later learned not to be the person's: calls placed to them were not
 *                               calls to the person (Reg F comment 14(b)(2)(i)-3)
 * @param priorLocationContactAt when a third party was first communicated with for location information,
 *                               if that is older than the history (Reg F §1006.10(c)); null when never or
 *                               when the history shows it
 */
public record ContactFacts(PossibleZones zones, ContactHistory history, List<Consent> consents, List<Hold> holds,
                           List<InconvenientTime> inconvenientTimes, Set<String> misdirectedEndpoints,
                           Instant priorLocationContactAt) {

    private static final ContactFacts NONE = new ContactFacts(PossibleZones.none(), ContactHistory.empty(), List.of(), List.of(),
            List.of(), Set.of(), null);

    public ContactFacts {
        zones = zones == null ? PossibleZones.none() : zones;
        history = history == null ? ContactHistory.empty() : history;
        consents = consents == null ? List.of() : List.copyOf(consents);
        holds = holds == null ? List.of() : List.copyOf(holds);
        inconvenientTimes = inconvenientTimes == null ? List.of() : List.copyOf(inconvenientTimes);
        misdirectedEndpoints = misdirectedEndpoints == null ? Set.of() : Set.copyOf(misdirectedEndpoints);
    }

    /** Nothing known: the pack's default zones, no history, no consents, no holds. */
    public static ContactFacts none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.zones = zones;
        b.history = history;
        b.consents.addAll(consents);
        b.holds.addAll(holds);
        b.inconvenientTimes.addAll(inconvenientTimes);
        b.misdirected = misdirectedEndpoints;
        b.priorLocationContactAt = priorLocationContactAt;
        return b;
    }

    /** The same facts with one more ledger entry. */
    public ContactFacts withAttempt(Attempt attempt) {
        return new ContactFacts(zones, history.plus(attempt), consents, holds, inconvenientTimes, misdirectedEndpoints,
                priorLocationContactAt);
    }

    public static final class Builder {
        private PossibleZones zones = PossibleZones.none();
        private ContactHistory history = ContactHistory.empty();
        private final List<Consent> consents = new ArrayList<>();
        private final List<Hold> holds = new ArrayList<>();
        private final List<InconvenientTime> inconvenientTimes = new ArrayList<>();
        private Set<String> misdirected = Set.of();
        private Instant priorLocationContactAt;

        private Builder() {
        }

        public Builder zones(PossibleZones value) {
            zones = value;
            return this;
        }

        public Builder zones(java.time.ZoneId... value) {
            zones = PossibleZones.of(value);
            return this;
        }

        public Builder history(ContactHistory value) {
            history = value;
            return this;
        }

        public Builder history(List<Attempt> value) {
            history = ContactHistory.of(value);
            return this;
        }

        public Builder history(Attempt... value) {
            history = ContactHistory.of(value);
            return this;
        }

        public Builder consent(Consent value) {
            consents.add(value);
            return this;
        }

        public Builder hold(Hold value) {
            holds.add(value);
            return this;
        }

        public Builder inconvenient(InconvenientTime value) {
            inconvenientTimes.add(value);
            return this;
        }

        public Builder misdirected(String... endpoints) {
            misdirected = Set.of(endpoints);
            return this;
        }

        public Builder priorLocationContactAt(Instant value) {
            priorLocationContactAt = value;
            return this;
        }

        public ContactFacts build() {
            return new ContactFacts(zones, history, consents, holds, inconvenientTimes, misdirected, priorLocationContactAt);
        }
    }
}
