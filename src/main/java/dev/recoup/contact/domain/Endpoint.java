package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

/**
 * Where a contact goes: a phone number, an e-mail address or a postal address, normalised by the
 * caller so the same endpoint is always written the same way, and what kind it is. Mobile numbers
 * and personal e-mail addresses are tied to no place; landlines and postal addresses are.
 */
public record Endpoint(String address, Kind kind) {

    public enum Kind {
        MOBILE_PHONE(null),
        HOME_PHONE(Place.HOME),
        WORK_PHONE(Place.WORK),
        PERSONAL_EMAIL(null),
        /** An address the employer provides: reaching it is reaching the person at work. */
        WORK_EMAIL(Place.WORK),
        HOME_ADDRESS(Place.HOME),
        WORK_ADDRESS(Place.WORK),
        OTHER(null);

        private final Place place;

        Kind(Place place) {
            this.place = place;
        }

        public Place place() {
            return place;
        }
    }

    public Endpoint {
        if (address == null || address.isBlank()) {
            throw new InvalidInputException("endpoint.address", String.valueOf(address), "an endpoint needs an address");
        }
        if (kind == null) {
            throw new InvalidInputException("endpoint.kind", "null", "an endpoint needs a kind");
        }
    }

    public static Endpoint of(String address, Kind kind) {
        return new Endpoint(address, kind);
    }

    /** The place this endpoint is tied to, or null. */
    public Place place() {
        return kind.place();
    }
}
