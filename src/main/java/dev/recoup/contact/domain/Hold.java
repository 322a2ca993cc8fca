package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.Instant;
import java.util.Set;

/**
 * A stop or narrowing of contact, effective from an instant — the instant the notice was received
 * (Reg F comment 6(c)(1)-1: a cease notice mailed on the 3rd and received on the 6th takes effect
 * on the 6th) — until an instant or, when {@code effectiveUntil} is null, until further notice.
 *
 * @param kind           what kind of hold
 * @param effectiveFrom  from when (inclusive)
 * @param effectiveUntil until when (exclusive), null = open
 * @param contactId      the person it protects, null = every contact of the case
 * @param debtIds        the debts it concerns, empty = all
 * @param medium         for {@link HoldKind#MEDIUM_OPT_OUT}: the medium closed
 * @param endpoint       for {@link HoldKind#MEDIUM_OPT_OUT}: the one number or address closed, null = the whole medium
 * @param place          for {@link HoldKind#INCONVENIENT_PLACE}: the place closed
 */
public record Hold(HoldKind kind, Instant effectiveFrom, Instant effectiveUntil, String contactId, Set<String> debtIds,
                   Medium medium, String endpoint, Place place) {

    public Hold {
        if (kind == null || effectiveFrom == null) {
            throw new InvalidInputException("hold", String.valueOf(kind), "a hold needs a kind and the instant it took effect");
        }
        if (effectiveUntil != null && !effectiveUntil.isAfter(effectiveFrom)) {
            throw new InvalidInputException("hold.effectiveUntil", effectiveUntil.toString(), "a hold must end after it starts");
        }
        if (kind == HoldKind.MEDIUM_OPT_OUT && medium == null) {
            throw new InvalidInputException("hold.medium", "null", "an opt-out names the medium");
        }
        if (kind == HoldKind.INCONVENIENT_PLACE && place == null) {
            throw new InvalidInputException("hold.place", "null", "an inconvenient-place hold names the place");
        }
        debtIds = debtIds == null ? Set.of() : Set.copyOf(debtIds);
    }

    public static Hold of(HoldKind kind, Instant effectiveFrom) {
        return new Hold(kind, effectiveFrom, null, null, Set.of(), null, null, null);
    }

    /** The person opted out of {@code medium} (all of it until narrowed with {@link #atEndpoint}). */
    public static Hold optOut(String contactId, Medium medium, Instant effectiveFrom) {
        return new Hold(HoldKind.MEDIUM_OPT_OUT, effectiveFrom, null, contactId, Set.of(), medium, null, null);
    }

    public static Hold inconvenientPlace(String contactId, Place place, Instant effectiveFrom) {
        return new Hold(HoldKind.INCONVENIENT_PLACE, effectiveFrom, null, contactId, Set.of(), null, null, place);
    }

    public static Hold workplaceBan(String contactId, Instant effectiveFrom) {
        return new Hold(HoldKind.WORKPLACE_BAN, effectiveFrom, null, contactId, Set.of(), null, null, null);
    }

    public Hold until(Instant value) {
        return new Hold(kind, effectiveFrom, value, contactId, debtIds, medium, endpoint, place);
    }

    public Hold forContact(String value) {
        return new Hold(kind, effectiveFrom, effectiveUntil, value, debtIds, medium, endpoint, place);
    }

    public Hold forDebts(String... value) {
        return new Hold(kind, effectiveFrom, effectiveUntil, contactId, Set.of(value), medium, endpoint, place);
    }

    public Hold atEndpoint(String value) {
        return new Hold(kind, effectiveFrom, effectiveUntil, contactId, debtIds, medium, value, place);
    }

    boolean activeAt(long t) {
        return effectiveFrom.getEpochSecond() <= t && (effectiveUntil == null || t < effectiveUntil.getEpochSecond());
    }

    /** Whether this hold concerns the request, whatever the time. */
    boolean concerns(ContactRequest request) {
        if (contactId != null && !contactId.equals(request.contactId())) {
            return false;
        }
        if (!debtIds.isEmpty() && !request.debtIds().isEmpty()) {
            boolean overlap = false;
            for (String debt : request.debtIds()) {
                overlap |= debtIds.contains(debt);
            }
            if (!overlap) {
                return false;
            }
        }
        Place requestPlace = request.endpoint() == null ? null : request.endpoint().place();
        return switch (kind) {
            case MEDIUM_OPT_OUT -> medium == request.channel().medium()
                    && (endpoint == null || request.endpoint() != null && endpoint.equals(request.endpoint().address()));
            case WORKPLACE_BAN -> requestPlace == Place.WORK || request.knownLocation() == Place.WORK;
            case INCONVENIENT_PLACE -> requestPlace == place || request.knownLocation() == place;
            default -> true;
        };
    }
}
