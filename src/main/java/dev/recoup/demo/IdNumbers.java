package dev.recoup.demo;

import dev.recoup.portfolio.domain.IdNumber;

import java.time.LocalDate;

/**
 * Mainland resident ID numbers (GB 11643-1999): 6-digit region code, birth date yyyyMMdd, a
 * 3-digit sequence that is odd for men and even for women, and an ISO 7064 MOD 11-2 check
 * character (0-9 or X).
 */
final class IdNumbers {


    private IdNumbers() {
    }

    static String of(String regionCode, LocalDate birthDate, int sequence) {
        if (regionCode.length() != 6 || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("region " + regionCode + ", sequence " + sequence);
        }
        StringBuilder id = new StringBuilder(18).append(regionCode);
        appendPadded(id, birthDate.getYear(), 4);
        appendPadded(id, birthDate.getMonthValue(), 2);
        appendPadded(id, birthDate.getDayOfMonth(), 2);
        appendPadded(id, sequence, 3);
        return id.append(IdNumber.checkCharacter(id)).toString();
    }

    private static void appendPadded(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
