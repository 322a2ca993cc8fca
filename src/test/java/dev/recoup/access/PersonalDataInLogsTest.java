package dev.recoup.access;

import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Full ID and phone numbers never reach a log. A refused database write is the way they would: PostgreSQL
 * quotes the failing row in its error, and that error lands both in the exception the application logs
 * and in the server's own log (which, embedded, joins the application's).
 */
@RecoupIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsTest {

    private static final String ID_NUMBER = "110101199003071234";
    private static final String PHONE = "13812345678";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void cleanPortfolio() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void aRefusedWriteOfACustomersRowIsLoggedWithTheRuleBrokenButNotTheIdOrPhoneNumber(CapturedOutput output) {
        DataAccessException customer = catchThrowableOfType(DataAccessException.class, () -> jdbc.sql(
                "insert into customer (customer_ref, name, id_number, gender) values ('C-LOG', '张三', ?, 'X')").param(ID_NUMBER).update());
        jdbc.sql("insert into customer (customer_ref, name, id_number) values ('C-LOG', '张三', ?)").param(ID_NUMBER).update();
        DataAccessException contact = catchThrowableOfType(DataAccessException.class, () -> jdbc.sql("""
                insert into contact (contact_ref, customer_id, role, name, phone)
                select 'K-LOG', id, 'boss', '张三', ? from customer where customer_ref = 'C-LOG'""").param(PHONE).update());

        // As an unexpected error reaches the log: message, causes and stack trace.
        var log = LoggerFactory.getLogger(PersonalDataInLogsTest.class);
        log.error("Refused write", customer);
        log.error("Refused write", contact);

        assertThat(output.getAll()).contains("customer_gender_check", "contact_role_check").doesNotContain(ID_NUMBER, PHONE);
    }

    @Test
    void theEmbeddedServerLogsItsErrorsWithoutTheRowsTheyQuote() {
        // DETAIL ("Failing row contains …") and CONTEXT (a COPY's input line) are what quote rows.
        assertThat(jdbc.sql("show log_error_verbosity").query(String.class).single()).isEqualTo("terse");
    }
}
