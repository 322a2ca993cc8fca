package dev.recoup.contact.domain;

import java.time.ZoneId;

/**
 * Time zones of people in China, from the administrative region code (GB/T 2260) or the phone number.
 *
 * <p>China has one legal time, Beijing time ({@code Asia/Shanghai}, UTC+8), for every province
 * including Xinjiang. In Xinjiang many people also keep "Xinjiang time" (UTC+6, tz
 * {@code Asia/Urumqi}) in daily life. The default follows the law: Beijing time only. A portfolio
 * may choose {@link XinjiangTime#ALSO_LOCAL}, which adds {@code Asia/Urumqi} to the possible zones
 * of region 65xxxx, so quiet hours hold in both (22:00–08:00 Xinjiang time is 00:00–10:00 Beijing
 * time): calls then fit 10:00–22:00 Beijing time.
 *
 * <p>Hong Kong (81), Macao (82) and Taiwan (71) have their own zones (all UTC+8 today). Mainland
 * mobile numbers carry no region, so a phone gives Beijing time.
 */
public final class ChinaTimeZones {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    public static final ZoneId XINJIANG = ZoneId.of("Asia/Urumqi");

    /** How to treat Xinjiang (region codes 65xxxx). */
    public enum XinjiangTime {
        /** Beijing time only: the legal time. */
        LEGAL_ONLY,
        /** Beijing time and Xinjiang time: both must be respected. */
        ALSO_LOCAL
    }

    private ChinaTimeZones() {
    }

    public static PossibleZones forRegionCode(String regionCode) {
        return forRegionCode(regionCode, XinjiangTime.LEGAL_ONLY);
    }

    /** The zones of a six-digit region code; none for a code that is not Chinese or is malformed. */
    public static PossibleZones forRegionCode(String regionCode, XinjiangTime xinjiang) {
        if (regionCode == null || regionCode.length() < 2) {
            return PossibleZones.none();
        }
        return switch (regionCode.substring(0, 2)) {
            case "71" -> PossibleZones.of(ZoneId.of("Asia/Taipei"));
            case "81" -> PossibleZones.of(ZoneId.of("Asia/Hong_Kong"));
            case "82" -> PossibleZones.of(ZoneId.of("Asia/Macau"));
            case "65" -> xinjiang == XinjiangTime.ALSO_LOCAL ? PossibleZones.of(BEIJING, XINJIANG) : PossibleZones.of(BEIJING);
            default -> isProvince(regionCode) ? PossibleZones.of(BEIJING) : PossibleZones.none();
        };
    }

    private static boolean isProvince(String code) {
        char a = code.charAt(0);
        char b = code.charAt(1);
        return a >= '1' && a <= '6' && b >= '0' && b <= '9';
    }

    /**
     * The zone of a phone number: mainland numbers (mobile 1[3-9]…, landline 0…, +86) → Beijing time;
     * +852/+853/+886 → Hong Kong, Macao, Taipei; +1 → {@link UsTimeZones#forPhone}; +44 → London.
     */
    public static PossibleZones forPhone(String phone) {
        String digits = digits(phone);
        if (digits.isEmpty()) {
            return PossibleZones.none();
        }
        if (phone.strip().startsWith("+") || digits.startsWith("00")) {
            String international = digits.startsWith("00") ? digits.substring(2) : digits;
            if (international.startsWith("86")) {
                return PossibleZones.of(BEIJING);
            }
            if (international.startsWith("852")) {
                return PossibleZones.of(ZoneId.of("Asia/Hong_Kong"));
            }
            if (international.startsWith("853")) {
                return PossibleZones.of(ZoneId.of("Asia/Macau"));
            }
            if (international.startsWith("886")) {
                return PossibleZones.of(ZoneId.of("Asia/Taipei"));
            }
            if (international.startsWith("1")) {
                return UsTimeZones.forPhone(phone);
            }
            if (international.startsWith("44")) {
                return PossibleZones.of(ZoneId.of("Europe/London"));
            }
            return PossibleZones.none();
        }
        boolean mobile = digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3';
        boolean landline = digits.charAt(0) == '0' && digits.length() >= 10;
        return mobile || landline ? PossibleZones.of(BEIJING) : PossibleZones.none();
    }

    static String digits(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
