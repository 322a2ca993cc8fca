package dev.recoup.contact.persistence;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.ChinaPack;
import dev.recoup.contact.domain.ChinaTimeZones;
import dev.recoup.contact.domain.ConcPack;
import dev.recoup.contact.domain.ContactRole;
import dev.recoup.contact.domain.Endpoint;
import dev.recoup.contact.domain.PossibleZones;
import dev.recoup.contact.domain.RegulationFPack;
import dev.recoup.contact.domain.UsTimeZones;
import dev.recoup.shared.InvalidInputException;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The person a contact is for, as the gate needs them: who they are to the debtor, how to reach them,
 * where they may be (time zones), and the case and debts the contact concerns.
 *
 * @param caseId     the case it concerns (given, or the customer's open case), or null
 * @param accountIds the debts it concerns: the account asked about, else all of the customer's accounts
 * @param products   the product of each of those accounts (chooses the rule pack)
 */
public record Target(long contactId, long customerId, String role, String phone, String email, String address, boolean valid,
                     String regionCode, String customerAddress, Long caseId, long[] accountIds, String[] products) {

    public ContactRole contactRole() {
        return switch (role) {
            case "self" -> ContactRole.SELF;
            case "spouse" -> ContactRole.SPOUSE;
            case "relative" -> ContactRole.RELATIVE;
            case "colleague" -> ContactRole.COLLEAGUE;
            case "emergency" -> ContactRole.EMERGENCY;
            default -> ContactRole.OTHER;
        };
    }

    /** The number or address a contact on {@code channel} goes to; refused when the contact has none. */
    public Endpoint endpoint(Channel channel) {
        return switch (channel) {
            case AGENT_CALL, ROBOT_CALL, SMS -> {
                if (phone == null || phone.isBlank()) {
                    throw new InvalidInputException("contactId", Long.toString(contactId), "the contact has no phone number for " + channel);
                }
                yield Endpoint.of(phone, isMobile(phone) ? Endpoint.Kind.MOBILE_PHONE : Endpoint.Kind.OTHER);
            }
            case EMAIL -> {
                if (email == null || email.isBlank()) {
                    throw new InvalidInputException("contactId", Long.toString(contactId), "the contact has no e-mail address");
                }
                yield Endpoint.of(email.toLowerCase(Locale.ROOT), Endpoint.Kind.PERSONAL_EMAIL);
            }
            case LETTER, VISIT -> {
                String where = address != null && !address.isBlank() ? address : "self".equals(role) ? customerAddress : null;
                if (where == null || where.isBlank()) {
                    throw new InvalidInputException("contactId", Long.toString(contactId), "the contact has no address for " + channel);
                }
                yield Endpoint.of(where, Endpoint.Kind.HOME_ADDRESS);
            }
        };
    }

    /**
     * The time zones the person may be in, as the pack reads locations: China from the customer's
     * region code (for the debtor) and the phone number; the US from the phone's area code (unknown →
     * the pack's default: every contiguous zone); the UK pack has one zone.
     */
    public PossibleZones zones(String packId) {
        return switch (packId) {
            case ChinaPack.ID -> PossibleZones.union("self".equals(role) ? ChinaTimeZones.forRegionCode(regionCode) : PossibleZones.none(),
                    ChinaTimeZones.forPhone(phone));
            case RegulationFPack.ID -> UsTimeZones.forPhone(phone);
            case ConcPack.ID -> PossibleZones.of(ZoneId.of("Europe/London"));
            default -> PossibleZones.none();
        };
    }

    /** Province (first two digits of the region code) for best-time rates; "00" when unknown. */
    public String province() {
        return regionCode == null || regionCode.length() < 2 ? "00" : regionCode.substring(0, 2);
    }

    static boolean isMobile(String phone) {
        int digits = 0;
        char first = 0;
        char second = 0;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 0) {
                    first = c;
                } else if (digits == 1) {
                    second = c;
                }
                digits++;
            }
        }
        return digits == 11 && first == '1' && second >= '3';
    }
}
