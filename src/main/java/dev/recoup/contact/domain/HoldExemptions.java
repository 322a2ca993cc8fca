package dev.recoup.contact.domain;

import java.util.Set;

/**
 * What a hold lets through, per pack.
 *
 * @param purposes         purposes the hold does not stop (a cease notice still allows {@link Purpose#CEASE_NOTICE})
 * @param roles            people the hold does not protect from contact (a lawyer hold points to {@link ContactRole#ATTORNEY})
 * @param replyOnce        one reply through the same medium to something the person sent (Reg F comment 6(b)(2)-1,
 *                         §1006.14(h)(2)(ii), comment 6(b)(1)-2.ii)
 * @param endpointConsent  consents naming the endpoint, from these sources, open it (Reg F §1006.6(b)(4)(i))
 * @param requiredByLaw    a communication required by law passes (Reg F §1006.14(h)(2)(iii), comment 6(c)(2)-2)
 * @param optOutConfirmation an electronic confirmation of an electronic opt-out passes (§1006.14(h)(2)(i))
 */
public record HoldExemptions(Set<Purpose> purposes, Set<ContactRole> roles, boolean replyOnce,
                             Set<ConsentSource> endpointConsent, boolean requiredByLaw, boolean optOutConfirmation) {

    public static final HoldExemptions NONE = new HoldExemptions(Set.of(), Set.of(), false, Set.of(), false, false);

    public HoldExemptions {
        purposes = EnumSets.frozen(purposes, Purpose.class);
        roles = EnumSets.frozen(roles, ContactRole.class);
        endpointConsent = EnumSets.frozen(endpointConsent, ConsentSource.class);
    }

    public HoldExemptions andPurposes(Purpose... value) {
        return new HoldExemptions(EnumSets.frozen(java.util.Arrays.asList(value), Purpose.class), roles, replyOnce, endpointConsent, requiredByLaw, optOutConfirmation);
    }

    public HoldExemptions andRoles(ContactRole... value) {
        return new HoldExemptions(purposes, EnumSets.frozen(java.util.Arrays.asList(value), ContactRole.class), replyOnce, endpointConsent, requiredByLaw, optOutConfirmation);
    }

    public HoldExemptions andReplyOnce() {
        return new HoldExemptions(purposes, roles, true, endpointConsent, requiredByLaw, optOutConfirmation);
    }

    public HoldExemptions andEndpointConsent(ConsentSource... value) {
        return new HoldExemptions(purposes, roles, replyOnce, EnumSets.frozen(java.util.Arrays.asList(value), ConsentSource.class), requiredByLaw, optOutConfirmation);
    }

    public HoldExemptions andRequiredByLaw() {
        return new HoldExemptions(purposes, roles, replyOnce, endpointConsent, true, optOutConfirmation);
    }

    public HoldExemptions andOptOutConfirmation() {
        return new HoldExemptions(purposes, roles, replyOnce, endpointConsent, requiredByLaw, true);
    }
}
