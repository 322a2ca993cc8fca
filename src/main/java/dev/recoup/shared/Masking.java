package dev.recoup.shared;

/**
 * Masks personal data for people who may not see it in full (PIPL: minimum necessary).
 * ID numbers keep the region prefix and last four ("110***********1234"); phones keep the
 * carrier prefix and last four ("138****5678").
 */
public final class Masking {

    private Masking() {
    }

    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
