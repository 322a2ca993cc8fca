package dev.recoup.demo;

import java.util.List;

/** The files of the Recoup import format, one per kind of row, with their fixed columns. */
enum PortfolioFile {
    CUSTOMERS("customers", List.of("customer_id", "name", "id_number", "birth_date", "gender", "occupation", "employer",
            "region_code", "address")),
    CONTACTS("contacts", List.of("contact_id", "customer_id", "role", "name", "phone", "email", "address", "valid", "source")),
    ACCOUNTS("accounts", List.of("account_id", "customer_id", "product", "currency", "principal", "annual_rate", "start_date",
            "maturity_date")),
    INSTALMENTS("instalments", List.of("account_id", "seq", "due_date", "principal_due", "interest_due", "fee_due", "penalty_due")),
    PAYMENTS("payments", List.of("payment_id", "account_id", "paid_on", "amount", "channel")),
    COLLATERAL("collateral", List.of("collateral_id", "account_id", "type", "description", "appraised_value", "appraised_on"));

    /** The kind's name: the CSV file is {@code kind + ".csv"}, the workbook sheet is {@code kind}. */
    final String kind;
    final List<String> columns;

    PortfolioFile(String kind, List<String> columns) {
        this.kind = kind;
        this.columns = columns;
    }

    String fileName() {
        return kind + ".csv";
    }
}
