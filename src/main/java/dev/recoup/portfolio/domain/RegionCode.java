package dev.recoup.portfolio.domain;

import java.util.Set;

/**
 * An administrative division code of GB/T 2260: six digits, the first two the province
 * (11 Beijing, 50 Chongqing … 65 Xinjiang, 71 Taiwan, 81 Hong Kong, 82 Macao). Whether the county exists is not
 * checked: the standard changes every year and old codes stay on old contracts.
 */
public final class RegionCode {

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private RegionCode() {
    }

    public static Checked<String> parse(String text) {
        if (text.length() != 6) {
            return Checked.invalid(ReasonCode.REGION_CODE_INVALID);
        }
        for (int i = 0; i < 6; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Checked.invalid(ReasonCode.REGION_CODE_INVALID);
            }
        }
        if (!PROVINCES.contains(text.substring(0, 2))) {
            return Checked.invalid(ReasonCode.REGION_CODE_INVALID);
        }
        return Checked.valid(text);
    }
}
