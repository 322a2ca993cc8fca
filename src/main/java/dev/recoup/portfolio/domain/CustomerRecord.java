package dev.recoup.portfolio.domain;

import java.time.LocalDate;

/**
 * A customer (debtor) as the lender describes them. When the ID number is valid it also supplies
 * the birth date and gender if those cells are empty; a birth date that contradicts it is an error.
 */
public record CustomerRecord(String customerRef, String name, String idNumber, LocalDate birthDate, String gender,
                             String occupation, String employer, String regionCode, String address) {

    public static final Layout LAYOUT = new Layout();
    public static final Column CUSTOMER_ID = LAYOUT.required("customer_id");
    public static final Column NAME = LAYOUT.required("name");
    public static final Column ID_NUMBER = LAYOUT.optional("id_number");
    public static final Column BIRTH_DATE = LAYOUT.optionalDate("birth_date");
    public static final Column GENDER = LAYOUT.optional("gender");
    public static final Column OCCUPATION = LAYOUT.optional("occupation");
    public static final Column EMPLOYER = LAYOUT.optional("employer");
    public static final Column REGION_CODE = LAYOUT.optional("region_code");
    public static final Column ADDRESS = LAYOUT.optional("address");

    private static final Choices GENDERS = Choices.of("M", "F").alias("M", "男", "male").alias("F", "女", "female");

    /** The customer in {@code cells}, or null when the row is rejected (the reasons are in {@code cells}). */
    public static CustomerRecord read(Cells cells) {
        String ref = cells.key(CUSTOMER_ID);
        String name = cells.text(NAME);
        IdNumber idNumber = cells.checked(ID_NUMBER, IdNumber::parse);
        LocalDate birthDate = cells.date(BIRTH_DATE);
        String gender = cells.checked(GENDER, CustomerRecord::gender);
        String occupation = cells.text(OCCUPATION);
        String employer = cells.text(EMPLOYER);
        String regionCode = cells.checked(REGION_CODE, RegionCode::parse);
        String address = cells.text(ADDRESS);
        if (idNumber != null) {
            if (birthDate != null && !birthDate.equals(idNumber.birthDate())) {
                cells.reject(BIRTH_DATE, ReasonCode.BIRTH_DATE_MISMATCH, birthDate, idNumber.birthDate());
            }
            birthDate = birthDate == null ? idNumber.birthDate() : birthDate;
            gender = cells.raw(GENDER).isEmpty() ? idNumber.gender() : gender;
        }
        return cells.ok() ? new CustomerRecord(ref, name, idNumber == null ? null : idNumber.value(), birthDate,
                gender, occupation, employer, regionCode, address) : null;
    }

    /** M or F, written M/F, 男/女 or male/female in any case. */
    static Checked<String> gender(String text) {
        String gender = GENDERS.lookUp(text);
        return gender == null ? Checked.invalid(ReasonCode.GENDER_INVALID) : Checked.valid(gender);
    }
}
