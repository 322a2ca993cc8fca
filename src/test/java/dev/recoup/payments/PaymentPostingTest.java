package dev.recoup.payments;

import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
@RecordApplicationEvents
class PaymentPostingTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    @BeforeEach
    void anAccountWithFeesAndPenalties() {
        TestDatabase.clean(jdbc);
        new PortfolioFixture(jdbc).customer("C1").account("A1", "C1", "2026-01-10", 3, 1000);
        // Instalment 1: 10 fee, 20 penalty, 30 interest, 1000 principal; instalment 2 likewise.
        jdbc.sql("update instalment set fee_due = 1000, penalty_due = 2000, interest_due = 3000 where seq in (1, 2)").update();
    }

    private MvcResult postWithKey(String key, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/payments")
                        .with(httpBasic("manager", "recoup-manager")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }

    @Test
    void aPaymentPaysTheOldestInstalmentFeesFirstAndKeepsWhatIsLeftAsCredit() throws Exception {
        // 1,060 yuan for instalment 1 in full, then 50 yuan: instalment 2's fee (10), penalty (20) and 20 of its interest.
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/payments").with(httpBasic("manager", "recoup-manager")).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"A1\",\"paidOn\":\"2026-02-01\",\"amountMinor\":111000,\"channel\":\"bank\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.paymentRef").value("API-k-1"))
                .andExpect(jsonPath("$.allocations[0].seq").value(1))
                .andExpect(jsonPath("$.allocations[0].principalMinor").value(100000))
                .andExpect(jsonPath("$.allocations[1].seq").value(2))
                .andExpect(jsonPath("$.allocations[1].feeMinor").value(1000))
                .andExpect(jsonPath("$.allocations[1].penaltyMinor").value(2000))
                .andExpect(jsonPath("$.allocations[1].interestMinor").value(2000))
                .andExpect(jsonPath("$.allocations[1].principalMinor").value(0))
                .andExpect(jsonPath("$.creditMinor").value(0));

        List<PaymentsPosted> posted = events.stream(PaymentsPosted.class).toList();
        assertThat(posted).hasSize(1);
        assertThat(posted.getFirst().payments()).singleElement().satisfies(p -> {
            assertThat(p.amountFen()).isEqualTo(111000);
            assertThat(p.credit()).isZero();
            assertThat(p.paymentRef()).isEqualTo("API-k-1");
        });

        // Everything else owed is 1,010 + 1,000 = 2,010 yuan; 2,100 leaves 90 as credit.
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/payments").with(httpBasic("manager", "recoup-manager")).header("Idempotency-Key", "k-2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"A1\",\"paidOn\":\"2026-02-02\",\"amountMinor\":210000}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.creditMinor").value(9000));
        assertThat(jdbc.sql("select sum(fee + penalty + interest + principal + credit) from payment_allocation").query(Long.class).single())
                .isEqualTo(111000 + 210000);
    }

    @Test
    void aRepeatedIdempotencyKeyPostsNothingNewAndAnswersTheFirstResult() throws Exception {
        String body = "{\"accountId\":\"A1\",\"paidOn\":\"2026-02-01\",\"amountMinor\":5000}";
        MvcResult first = postWithKey("k-same", body);
        MvcResult again = postWithKey("k-same", body);

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(again.getResponse().getStatus()).isEqualTo(201);
        assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(again.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("select count(*) from payment").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payment_allocation").query(Long.class).single()).isEqualTo(1);
        assertThat(events.stream(PaymentsPosted.class)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherPaymentIsRefused() throws Exception {
        postWithKey("k-x", "{\"accountId\":\"A1\",\"paidOn\":\"2026-02-01\",\"amountMinor\":5000}");
        MvcResult other = postWithKey("k-x", "{\"accountId\":\"A1\",\"paidOn\":\"2026-02-01\",\"amountMinor\":6000}");

        assertThat(other.getResponse().getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("select amount from payment").query(Long.class).list()).containsExactly(5000L);
    }

    @Test
    void aPaymentWithoutAKeyOrForAnUnknownAccountIsRefusedNamingTheField() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/payments")
                        .with(httpBasic("manager", "recoup-manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"A1\",\"amountMinor\":5000}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));
        MvcResult unknown = postWithKey("k-u", "{\"accountId\":\"NOPE\",\"amountMinor\":5000}");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(unknown.getResponse().getContentAsString()).contains("\"field\":\"accountId\"");
        // The key of a refused posting is free again: nothing of it was kept.
        assertThat(postWithKey("k-u", "{\"accountId\":\"A1\",\"paidOn\":\"2026-02-01\",\"amountMinor\":5000}").getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void anAgentCannotPostPayments() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/payments")
                        .with(httpBasic("agent", "recoup-agent")).header("Idempotency-Key", "k-a").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"A1\",\"amountMinor\":5000}"))
                .andExpect(status().isForbidden());
    }

    @Autowired Adjustments adjustments;
    @Autowired org.springframework.transaction.support.TransactionOperations transactions;

    @Test
    void anAdjustmentLowersOnlyItsComponentOnceAndNeverBelowNothing() {
        long account = jdbc.sql("select id from account where account_ref = 'A1'").query(Long.class).single();
        var request = new Adjustments.AdjustmentRequest(account, AmountComponent.PENALTY, 3000, "hardship", "WAIVER", 7, "manager");

        var first = adjustments.post(request);
        var again = adjustments.post(request);

        assertThat(first.created()).isTrue();
        assertThat(again).isEqualTo(new Adjustments.PostedAdjustment(first.adjustmentId(), false));
        // 20 yuan of instalment 1's penalty, then 10 of instalment 2's.
        assertThat(jdbc.sql("select seq, penalty from payment_allocation where adjustment_id = ? order by seq").param(first.adjustmentId())
                .query((rs, n) -> Map.of("seq", rs.getInt(1), "penalty", rs.getLong(2))).list())
                .containsExactly(Map.of("seq", 1, "penalty", 2000L), Map.of("seq", 2, "penalty", 1000L));
        assertThat(events.stream(AdjustmentPosted.class)).hasSize(1);

        var tooMuch = new Adjustments.AdjustmentRequest(account, AmountComponent.PENALTY, 1001, "hardship", "WAIVER", 8, "manager");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> adjustments.post(tooMuch))
                .isInstanceOf(dev.recoup.shared.InvalidInputException.class).hasMessageContaining("1000 fen");
    }
}
