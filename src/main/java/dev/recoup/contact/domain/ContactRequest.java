package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.Instant;
import java.util.Set;

/**
 * A proposed contact: who, how, what for and when. Everything a decision needs about the contact
 * itself is here; what is known about the person (zones, consents, holds, history) is in
 * {@link ContactFacts}.
 *
 * @param caseId             the case, for the record (rules do not read it); may be null
 * @param accountId          the account, for the record; may be null
 * @param contactId          the person contacted (the portfolio's contact id; the debtor has one too)
 * @param role               who that person is to the debtor
 * @param channel            how
 * @param purpose            what for
 * @param at                 when (decisions are made to the second)
 * @param debtIds            the debts the contact concerns — "particular debts" for Regulation F
 *                           ({@link ParticularDebts} keys student loans); empty when not known, which the
 *                           rules treat as concerning every debt of the account
 * @param endpoint           the number or address used, or null when not chosen yet (then no place
 *                           rule can object and no per-number cap applies)
 * @param carriesDebtDetails whether the content (template, script) names the debt, an amount or that
 *                           money is owed — third parties must never receive such a contact
 * @param staffCount         for a visit: how many staff go
 * @param inResponseTo       the id of the inbound ledger entry this contact answers, or null; a person
 *                           who writes or calls at a time, from a place or through a medium they had
 *                           closed may be answered once through the same medium
 * @param requiredByLaw      the communication is required by law (e.g. a mortgage periodic statement):
 *                           a medium opt-out or a cease notice does not stop it under Regulation F
 * @param locationFollowUpJustified for a location-information contact with a third party already
 *                           spoken to: that person asked to be contacted again, or the earlier answer is
 *                           reasonably believed wrong or incomplete (Reg F §1006.10(c))
 * @param knownLocation      where the collector knows the person is right now (e.g. they said
 *                           "I'm at work"), or null
 */
public record ContactRequest(String caseId, String accountId, String contactId, ContactRole role, Channel channel,
                             Purpose purpose, Instant at, Set<String> debtIds, Endpoint endpoint,
                             boolean carriesDebtDetails, int staffCount, String inResponseTo, boolean requiredByLaw,
                             boolean locationFollowUpJustified, Place knownLocation) {

    public ContactRequest {
        require("contactId", contactId);
        require("role", role);
        require("channel", channel);
        require("purpose", purpose);
        require("at", at);
        if (contactId.isBlank()) {
            throw new InvalidInputException("contactId", contactId, "a contact id is required");
        }
        if (staffCount < 0) {
            throw new InvalidInputException("staffCount", Integer.toString(staffCount), "a staff count cannot be negative");
        }
        debtIds = debtIds == null ? Set.of() : Set.copyOf(debtIds);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, "null", field + " is required");
        }
    }

    /** The same contact at another time (used to search for the next allowed time). */
    public ContactRequest at(Instant other) {
        return new ContactRequest(caseId, accountId, contactId, role, channel, purpose, other, debtIds, endpoint,
                carriesDebtDetails, staffCount, inResponseTo, requiredByLaw, locationFollowUpJustified, knownLocation);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.caseId = caseId;
        b.accountId = accountId;
        b.contactId = contactId;
        b.role = role;
        b.channel = channel;
        b.purpose = purpose;
        b.at = at;
        b.debtIds = debtIds;
        b.endpoint = endpoint;
        b.carriesDebtDetails = carriesDebtDetails;
        b.staffCount = staffCount;
        b.inResponseTo = inResponseTo;
        b.requiredByLaw = requiredByLaw;
        b.locationFollowUpJustified = locationFollowUpJustified;
        b.knownLocation = knownLocation;
        return b;
    }

    /** Builds a request; defaults: the debtor ({@link ContactRole#SELF}), {@link Purpose#COLLECTION}, no debts named. */
    public static final class Builder {
        private String caseId;
        private String accountId;
        private String contactId;
        private ContactRole role = ContactRole.SELF;
        private Channel channel;
        private Purpose purpose = Purpose.COLLECTION;
        private Instant at;
        private Set<String> debtIds = Set.of();
        private Endpoint endpoint;
        private boolean carriesDebtDetails;
        private int staffCount;
        private String inResponseTo;
        private boolean requiredByLaw;
        private boolean locationFollowUpJustified;
        private Place knownLocation;

        private Builder() {
        }

        public Builder caseId(String value) {
            caseId = value;
            return this;
        }

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public Builder contact(String id, ContactRole value) {
            contactId = id;
            role = value;
            return this;
        }

        public Builder channel(Channel value) {
            channel = value;
            return this;
        }

        public Builder purpose(Purpose value) {
            purpose = value;
            return this;
        }

        public Builder at(Instant value) {
            at = value;
            return this;
        }

        public Builder debts(String... ids) {
            debtIds = Set.of(ids);
            return this;
        }

        public Builder debts(Set<String> ids) {
            debtIds = ids;
            return this;
        }

        public Builder endpoint(Endpoint value) {
            endpoint = value;
            return this;
        }

        public Builder carriesDebtDetails(boolean value) {
            carriesDebtDetails = value;
            return this;
        }

        public Builder staff(int value) {
            staffCount = value;
            return this;
        }

        public Builder inResponseTo(String ledgerId) {
            inResponseTo = ledgerId;
            return this;
        }

        public Builder requiredByLaw(boolean value) {
            requiredByLaw = value;
            return this;
        }

        public Builder locationFollowUpJustified(boolean value) {
            locationFollowUpJustified = value;
            return this;
        }

        public Builder knownLocation(Place value) {
            knownLocation = value;
            return this;
        }

        public ContactRequest build() {
            return new ContactRequest(caseId, accountId, contactId, role, channel, purpose, at, debtIds, endpoint,
                    carriesDebtDetails, staffCount, inResponseTo, requiredByLaw, locationFollowUpJustified, knownLocation);
        }
    }
}
