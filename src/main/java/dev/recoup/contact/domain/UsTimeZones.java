package dev.recoup.contact.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time zones of people in the United States, from the state of their address or the area code of a
 * phone number. A state that spans zones gives all of them (Texas: Central and Mountain), so the
 * 8:00–21:00 window of Regulation F is kept in each (comment 6(b)(1)(i)-2).
 *
 * <p>The area-code table is deliberately small — the common codes whose zone is unambiguous, and a
 * few split ones with both zones. An unknown code gives no zone; the caller then relies on the
 * address, and with nothing known the pack's default zones apply (every contiguous zone for
 * Regulation F). Area codes move with number portability anyway: a mobile number's area code is
 * where it was issued, not where its owner is.
 */
public final class UsTimeZones {

    public static final ZoneId EASTERN = ZoneId.of("America/New_York");
    public static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    public static final ZoneId MOUNTAIN = ZoneId.of("America/Denver");
    /** Arizona without daylight saving time. */
    public static final ZoneId ARIZONA = ZoneId.of("America/Phoenix");
    public static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    public static final ZoneId ALASKA = ZoneId.of("America/Anchorage");
    public static final ZoneId HAWAII = ZoneId.of("Pacific/Honolulu");

    private static final Map<String, List<ZoneId>> STATES = new HashMap<>();
    private static final Map<String, List<ZoneId>> AREA_CODES = new HashMap<>();

    static {
        state(EASTERN, "CT", "DE", "DC", "GA", "ME", "MD", "MA", "NH", "NJ", "NY", "NC", "OH", "PA", "RI", "SC", "VT", "VA", "WV");
        state(CENTRAL, "AL", "AR", "IL", "IA", "LA", "MN", "MS", "MO", "OK", "WI");
        state(MOUNTAIN, "CO", "MT", "NM", "UT", "WY");
        state(PACIFIC, "CA", "WA");
        // States split between zones (the second zone covers a minority of counties).
        STATES.put("FL", List.of(EASTERN, CENTRAL));
        STATES.put("IN", List.of(EASTERN, CENTRAL));
        STATES.put("KY", List.of(EASTERN, CENTRAL));
        STATES.put("MI", List.of(EASTERN, CENTRAL));
        STATES.put("TN", List.of(CENTRAL, EASTERN));
        STATES.put("KS", List.of(CENTRAL, MOUNTAIN));
        STATES.put("NE", List.of(CENTRAL, MOUNTAIN));
        STATES.put("ND", List.of(CENTRAL, MOUNTAIN));
        STATES.put("SD", List.of(CENTRAL, MOUNTAIN));
        STATES.put("TX", List.of(CENTRAL, MOUNTAIN));
        STATES.put("ID", List.of(MOUNTAIN, PACIFIC));
        STATES.put("OR", List.of(PACIFIC, MOUNTAIN));
        STATES.put("NV", List.of(PACIFIC, MOUNTAIN));
        // The Navajo Nation in Arizona keeps daylight saving time.
        STATES.put("AZ", List.of(ARIZONA, MOUNTAIN));
        STATES.put("AK", List.of(ALASKA, ZoneId.of("America/Adak")));
        STATES.put("HI", List.of(HAWAII));
        STATES.put("PR", List.of(ZoneId.of("America/Puerto_Rico")));
        STATES.put("VI", List.of(ZoneId.of("America/St_Thomas")));
        STATES.put("GU", List.of(ZoneId.of("Pacific/Guam")));
        STATES.put("MP", List.of(ZoneId.of("Pacific/Saipan")));
        STATES.put("AS", List.of(ZoneId.of("Pacific/Pago_Pago")));

        area(EASTERN, "201", "202", "203", "207", "212", "215", "216", "239", "240", "248", "260", "267", "301", "302", "305",
                "313", "315", "317", "321", "347", "352", "401", "404", "407", "410", "412", "413", "423", "434", "440", "443",
                "470", "484", "502", "508", "513", "516", "518", "540", "561", "570", "585", "603", "607", "609", "610", "614",
                "617", "631", "646", "678", "703", "704", "716", "717", "718", "732", "734", "757", "770", "772", "781", "786",
                "802", "803", "804", "813", "828", "843", "845", "856", "860", "864", "865", "904", "908", "910", "914", "917",
                "919", "929", "954", "973", "980");
        area(CENTRAL, "205", "210", "214", "217", "219", "224", "251", "256", "262", "281", "309", "312", "314", "316", "318",
                "319", "320", "337", "361", "402", "405", "409", "414", "417", "432", "469", "479", "501", "504", "507", "512",
                "515", "601", "608", "612", "615", "618", "630", "651", "682", "708", "713", "715", "737", "763", "773", "779",
                "806", "815", "816", "817", "830", "832", "847", "901", "903", "913", "918", "936", "940", "952", "956", "972",
                "979", "985");
        area(MOUNTAIN, "303", "307", "385", "406", "435", "505", "575", "719", "720", "801", "915", "970");
        area(ARIZONA, "480", "520", "602", "623", "928");
        area(PACIFIC, "206", "209", "213", "253", "310", "323", "360", "408", "415", "424", "425", "503", "509", "510", "530",
                "559", "562", "619", "626", "650", "657", "661", "702", "707", "714", "725", "747", "760", "805", "818", "831",
                "858", "909", "916", "925", "949", "951", "971");
        area(ALASKA, "907");
        area(HAWAII, "808");
        // Split area codes.
        AREA_CODES.put("850", List.of(EASTERN, CENTRAL));   // Florida panhandle: Tallahassee, Pensacola
        AREA_CODES.put("208", List.of(MOUNTAIN, PACIFIC));  // Idaho
        AREA_CODES.put("541", List.of(PACIFIC, MOUNTAIN));  // Oregon outside Portland, incl. Malheur County
        AREA_CODES.put("775", List.of(PACIFIC, MOUNTAIN));  // Nevada outside Las Vegas, incl. West Wendover
        AREA_CODES.put("605", List.of(CENTRAL, MOUNTAIN));  // South Dakota
        AREA_CODES.put("701", List.of(CENTRAL, MOUNTAIN));  // North Dakota
    }

    private UsTimeZones() {
    }

    private static void state(ZoneId zone, String... codes) {
        for (String code : codes) {
            STATES.put(code, List.of(zone));
        }
    }

    private static void area(ZoneId zone, String... codes) {
        for (String code : codes) {
            AREA_CODES.put(code, List.of(zone));
        }
    }

    /** The zones of a state (two-letter USPS code, any case); none when unknown. */
    public static PossibleZones forState(String state) {
        List<ZoneId> zones = state == null ? null : STATES.get(state.strip().toUpperCase(java.util.Locale.ROOT));
        return zones == null ? PossibleZones.none() : PossibleZones.of(zones);
    }

    /** The zones of a three-digit area code; none when the code is not in the table. */
    public static PossibleZones forAreaCode(String areaCode) {
        List<ZoneId> zones = areaCode == null ? null : AREA_CODES.get(areaCode.strip());
        return zones == null ? PossibleZones.none() : PossibleZones.of(zones);
    }

    /** The zones of a NANP number ({@code +1 212 555 0100}, {@code (212) 555-0100}, {@code 2125550100}). */
    public static PossibleZones forPhone(String phone) {
        String digits = ChinaTimeZones.digits(phone);
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            digits = digits.substring(1);
        }
        return digits.length() == 10 ? forAreaCode(digits.substring(0, 3)) : PossibleZones.none();
    }

    /** Every zone of the contiguous states: Regulation F's default when nothing is known of a consumer's location. */
    public static PossibleZones contiguous() {
        return PossibleZones.of(new ArrayList<>(List.of(EASTERN, CENTRAL, MOUNTAIN, PACIFIC)));
    }
}
