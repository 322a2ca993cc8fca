package dev.recoup.portfolio.domain;

/**
 * A way to reach a customer or someone who knows them. Phone numbers are stored normalised
 * ({@link PhoneNumber}); {@code valid} defaults to true when the cell is empty.
 */
public record ContactRecord(String contactRef, String customerRef, String role, String name, String phone,
                            String email, String address, boolean valid, String source) {

    public static final Layout LAYOUT = new Layout();
    public static final Column CONTACT_ID = LAYOUT.required("contact_id");
    public static final Column CUSTOMER_ID = LAYOUT.required("customer_id");
    public static final Column ROLE = LAYOUT.required("role");
    public static final Column NAME = LAYOUT.optional("name");
    public static final Column PHONE = LAYOUT.optional("phone");
    public static final Column EMAIL = LAYOUT.optional("email");
    public static final Column ADDRESS = LAYOUT.optional("address");
    public static final Column VALID = LAYOUT.optional("valid");
    public static final Column SOURCE = LAYOUT.optional("source");

    public static final Choices ROLES = Choices.of("self", "spouse", "relative", "colleague", "emergency", "other")
            .alias("self", "本人")
            .alias("spouse", "配偶")
            .alias("relative", "亲属")
            .alias("colleague", "同事")
            .alias("emergency", "紧急联系人")
            .alias("other", "其他");

    /** The contact in {@code cells}, or null when the row is rejected (the reasons are in {@code cells}). */
    public static ContactRecord read(Cells cells) {
        String ref = cells.key(CONTACT_ID);
        String customerRef = cells.key(CUSTOMER_ID);
        String role = cells.choice(ROLE, ROLES);
        String name = cells.text(NAME);
        PhoneNumber phone = cells.checked(PHONE, PhoneNumber::parse);
        String email = cells.checked(EMAIL, EmailAddress::parse);
        String address = cells.text(ADDRESS);
        Boolean valid = cells.bool(VALID, true);
        String source = cells.text(SOURCE);
        return cells.ok() ? new ContactRecord(ref, customerRef, role, name, phone == null ? null : phone.value(), email,
                address, valid, source) : null;
    }
}
