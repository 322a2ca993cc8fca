package dev.recoup.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.recoup.demo.Account.Payment;
import dev.recoup.demo.CustomerFactory.Contact;
import dev.recoup.demo.CustomerFactory.Customer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Streams customers to the six CSV files as they are generated, numbering the rows: nothing is
 * kept once written, so the size of a run does not change its memory.
 */
final class PortfolioCsvWriter implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final CsvWriter[] writers = new CsvWriter[PortfolioFile.values().length];
    private final long[] rows = new long[PortfolioFile.values().length];
    private long customers;
    private long contacts;
    private long accounts;
    private long payments;
    private long collateral;

    PortfolioCsvWriter(Path directory) throws IOException {
        try {
            for (PortfolioFile file : PortfolioFile.values()) {
                // LF line ends, UTF-8 without a byte-order mark, quotes only where a value needs them.
                CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(BUFFER)
                        .build(directory.resolve(file.fileName()), StandardCharsets.UTF_8);
                writers[file.ordinal()] = writer;
                writer.writeRecord(file.columns);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    void write(Customer customer) {
        String customerId = Text.id("C", ++customers, 8);
        row(PortfolioFile.CUSTOMERS, customerId, customer.name(), customer.idNumber(), customer.birthDate().toString(),
                customer.male() ? "M" : "F", customer.occupation(), customer.employer(), customer.region().code(),
                customer.address());
        for (Contact contact : customer.contacts()) {
            row(PortfolioFile.CONTACTS, Text.id("CT", ++contacts, 8), customerId, contact.role(), contact.name(),
                    contact.phone(), contact.email(), contact.address(), contact.valid() ? "true" : "false", contact.source());
        }
        for (Account account : customer.accounts()) {
            String accountId = Text.id("A", ++accounts, 8);
            row(PortfolioFile.ACCOUNTS, accountId, customerId, account.product.code, "CNY", Text.yuan(account.principal),
                    Text.rate(account.rate), account.start.toString(),
                    account.maturity == null ? "" : account.maturity.toString());
            for (Instalment instalment : account.instalments) {
                row(PortfolioFile.INSTALMENTS, accountId, Integer.toString(instalment.seq), instalment.due.toString(),
                        Text.yuan(instalment.principal), Text.yuan(instalment.interest), Text.yuan(instalment.fee),
                        Text.yuan(instalment.penalty));
            }
            for (Payment payment : account.payments) {
                row(PortfolioFile.PAYMENTS, Text.id("P", ++payments, 9), accountId, payment.paidOn().toString(),
                        Text.yuan(payment.amount()), payment.channel());
            }
            if (account.collateral != null) {
                row(PortfolioFile.COLLATERAL, Text.id("COL", ++collateral, 7), accountId, account.collateral.type(),
                        account.collateral.description(), Text.yuan(account.collateral.appraisedValue()),
                        account.collateral.appraisedOn().toString());
            }
        }
    }

    /** Data rows written per file, header not counted. */
    long rows(PortfolioFile file) {
        return rows[file.ordinal()];
    }

    private void row(PortfolioFile file, String... values) {
        writers[file.ordinal()].writeRecord(values);
        rows[file.ordinal()]++;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (CsvWriter writer : writers) {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
