package dev.recoup.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RecordsTest {

    @Test
    void anAccountInAConfiguredCurrencyIsAccepted() {
        Cells cells = account("hkd");

        AccountRecord account = AccountRecord.read(cells, List.of("CNY", "HKD"));

        assertThat(account.currency()).isEqualTo("HKD");
    }

    @Test
    void anAccountInAnotherCurrencyIsRejectedNamingTheAcceptedOnes() {
        Cells cells = account("USD");

        assertThat(AccountRecord.read(cells, List.of("CNY"))).isNull();
        assertThat(cells.problems()).extracting(Problem::column, Problem::code, Problem::args)
                .containsExactly(tuple(AccountRecord.CURRENCY, ReasonCode.CURRENCY_NOT_ACCEPTED, List.of("USD", "CNY")));
    }

    @Test
    void aMaturityBeforeTheStartIsRejected() {
        Cells cells = new Cells(AccountRecord.LAYOUT);
        cells.load(new String[] {"A1", "C1", "credit_card", "CNY", "100", "0.1", "2024-05-01", "2024-04-30"});

        assertThat(AccountRecord.read(cells, List.of("CNY"))).isNull();
        assertThat(cells.problems()).extracting(Problem::code, Problem::args)
                .containsExactly(tuple(ReasonCode.MATURITY_BEFORE_START, List.of("2024-05-01")));
    }

    @Test
    void anInstalmentWithoutFeesOrPenaltiesOwesNoneButOneWithoutPrincipalIsRejected() {
        Cells cells = new Cells(InstalmentRecord.LAYOUT);
        cells.load(new String[] {"A1", "1", "2024-02-01", "100.00", "12.50", null, ""});
        assertThat(InstalmentRecord.read(cells)).isEqualTo(new InstalmentRecord("A1", 1, java.time.LocalDate.of(2024, 2, 1), 10_000, 1_250, 0, 0));

        cells.load(new String[] {"A1", "2", "2024-03-01", "", "12.50", null, null});
        assertThat(InstalmentRecord.read(cells)).isNull();
        assertThat(cells.problems()).extracting(Problem::column, Problem::code)
                .containsExactly(tuple(InstalmentRecord.PRINCIPAL_DUE, ReasonCode.REQUIRED));
    }

    @Test
    void aContactIsValidUnlessTheFileSaysOtherwise() {
        Cells cells = new Cells(ContactRecord.LAYOUT);
        cells.load(new String[] {"K1", "C1", "本人", null, "138 0013 8000", null, null, null, null});

        ContactRecord contact = ContactRecord.read(cells);

        assertThat(contact.valid()).isTrue();
        assertThat(contact.role()).isEqualTo("self");
        assertThat(contact.phone()).isEqualTo("13800138000");
    }

    private static Cells account(String currency) {
        Cells cells = new Cells(AccountRecord.LAYOUT);
        cells.load(new String[] {"A1", "C1", "credit_card", currency, "100", "0.1", "2024-01-01", null});
        return cells;
    }
}
