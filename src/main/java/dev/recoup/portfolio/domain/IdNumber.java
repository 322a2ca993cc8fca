package dev.recoup.portfolio.domain;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A mainland resident identity card number (居民身份证号码, GB 11643): six digits of region,
 * eight of birth date (yyyyMMdd), three of sequence (odd for men, even for women) and a check
 * character computed with ISO 7064 MOD 11-2, which is a digit or X. Only the 18-character form is
 * accepted; the 15-digit numbers issued before 1999 have no check character.
 *
 * @param value     normalised: a lower-case x is written X
 * @param birthDate the date embedded in the number
 * @param gender    M or F, from the parity of the sequence
 */
public record IdNumber(String value, LocalDate birthDate, String gender) {

    /** 2^(17-i) mod 11 for positions i = 0..16, the weights of ISO 7064 MOD 11-2. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** The check character for each remainder of the weighted sum mod 11. */
    private static final String CHECK_CHARACTERS = "10X98765432";

    public static Checked<IdNumber> parse(String text) {
        if (text.length() != 18) {
            return Checked.invalid(ReasonCode.ID_NUMBER_FORMAT);
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return Checked.invalid(ReasonCode.ID_NUMBER_FORMAT);
            }
        }
        char last = Character.toUpperCase(text.charAt(17));
        if (!isAsciiDigit(last) && last != 'X') {
            return Checked.invalid(ReasonCode.ID_NUMBER_FORMAT);
        }
        // The check character first: a typo anywhere (also in the date) is the likeliest cause.
        char expected = checkCharacter(text.substring(0, 17));
        if (last != expected) {
            return Checked.invalid(ReasonCode.ID_NUMBER_CHECK_DIGIT, expected);
        }
        String birth = text.substring(6, 14);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(birth.substring(0, 4)), Integer.parseInt(birth.substring(4, 6)),
                    Integer.parseInt(birth.substring(6, 8)));
        } catch (DateTimeException e) {
            return Checked.invalid(ReasonCode.ID_NUMBER_BIRTH_DATE, birth);
        }
        if (birthDate.getYear() < 1900) {
            return Checked.invalid(ReasonCode.ID_NUMBER_BIRTH_DATE, birth);
        }
        String gender = (text.charAt(16) - '0') % 2 == 1 ? "M" : "F";
        return Checked.valid(new IdNumber(text.substring(0, 17) + last, birthDate, gender));
    }

    /** The check character (a digit or X) for the first 17 digits of a number. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
