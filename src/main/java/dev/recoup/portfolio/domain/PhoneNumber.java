package dev.recoup.portfolio.domain;

/**
 * A mainland phone number, normalised so the same number is always written the same way (which
 * is what lets contacts be de-duplicated and matched later):
 * <ul>
 *   <li>mobile: 11 digits starting 13–19, stored as the bare digits ({@code 13812345678});</li>
 *   <li>landline: area code (010, 02x or 0xxx) and a 7–8 digit local number not starting with
 *       0, stored as {@code 010-12345678}.</li>
 * </ul>
 * Spaces, dashes, dots and brackets are ignored, as is a country prefix +86, 0086 or 86 (after
 * which a landline's area code comes without its leading 0).
 *
 * @param mobile true for a mobile number, false for a landline
 */
public record PhoneNumber(String value, boolean mobile) {

    public static Checked<PhoneNumber> parse(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty()) {
                digits.append('+');
            } else if (!isSeparator(c)) {
                return Checked.invalid(ReasonCode.PHONE_INVALID);
            }
        }
        String number = digits.toString();
        boolean international = false;
        if (number.startsWith("+86")) {
            number = number.substring(3);
            international = true;
        } else if (number.startsWith("+")) {
            return Checked.invalid(ReasonCode.PHONE_INVALID);
        } else if (number.startsWith("0086")) {
            number = number.substring(4);
            international = true;
        } else if (number.startsWith("86")) {
            // Never a domestic number: mobiles start with 1 and area codes with 0.
            number = number.substring(2);
            international = true;
        }
        if (isMobile(number)) {
            return Checked.valid(new PhoneNumber(number, true));
        }
        if (international && !number.startsWith("0")) {
            number = "0" + number;
        }
        return landline(number);
    }

    private static boolean isMobile(String number) {
        return number.length() == 11 && number.charAt(0) == '1' && number.charAt(1) >= '3' && number.charAt(1) <= '9';
    }

    private static Checked<PhoneNumber> landline(String number) {
        if (number.length() < 3 || number.charAt(0) != '0' || number.charAt(1) == '0') {
            return Checked.invalid(ReasonCode.PHONE_INVALID);
        }
        // Beijing (010) and the 02x cities have three-digit area codes; every other area code has four.
        int areaLength = number.startsWith("010") || number.charAt(1) == '2' ? 3 : 4;
        if (number.charAt(1) == '1' && !number.startsWith("010")) {
            return Checked.invalid(ReasonCode.PHONE_INVALID);
        }
        int localLength = number.length() - areaLength;
        if (localLength < 7 || localLength > 8 || number.charAt(areaLength) == '0') {
            return Checked.invalid(ReasonCode.PHONE_INVALID);
        }
        return Checked.valid(new PhoneNumber(number.substring(0, areaLength) + "-" + number.substring(areaLength), false));
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\u3000' || c == '（' || c == '）';
    }
}
