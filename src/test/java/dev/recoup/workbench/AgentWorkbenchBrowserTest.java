package dev.recoup.workbench;

import com.microsoft.playwright.Response;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The agent's day in a real browser (Chromium), with screenshots of the pages in target/screenshots/. */
class AgentWorkbenchBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired DailyRunService runs;
    @Autowired MessageTemplates templates;

    /** 张三 (agent's, with a relative) and 李四 (agent2's); the message templates Recoup starts with. */
    private WorkbenchFixture zhangAndLi() {
        WorkbenchFixture cases = new WorkbenchFixture(jdbc, runs, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        templates.seedDefaults();
        return cases;
    }

    @Test
    void anAgentOpensACaseFromTheQueueIsRefusedACallAtHalfPastTenAtNightWithTheReasonThenLogsAConversationWithAPromise() {
        WorkbenchFixture cases = zhangAndLi();
        logIn("agent", "recoup-agent");
        page.navigate(url("/my-queue"));
        assertThat(page.locator("#queue")).containsText("张三");
        assertThat(page.locator("#queue")).not().containsText("李四");
        screenshot("agent-queue");

        page.locator("#queue a.case-link").first().click();
        assertThat(page.locator("h1")).containsText("张三");
        assertThat(page.locator("#contacts")).containsText("138****5678");
        screenshot("agent-case");

        clock.atToday(22, 30);
        page.locator("#contacts button.call-button").first().click();
        assertThat(page.locator("#refusal")).containsText("CN-QUIET-HOURS");
        assertThat(page.locator("#refusal .next-allowed")).containsText("08:00");
        screenshot("agent-call-refused-2230");
        assertThat(jdbc.sql("select count(*) from contact_attempt").query(Long.class).single()).isZero();

        clock.atToday(10, 0);
        page.locator("#contacts button.call-button").first().click();
        assertThat(page.locator("#verify")).isVisible();
        assertThat(page.locator("#call")).not().containsText("¥");
        screenshot("agent-call-identity-check");

        page.locator("#verify-name").fill("张三");
        page.locator("#verify-id").fill("1234");
        page.locator("#verify-button").click();
        assertThat(page.locator("#debt-detail")).containsText("¥");
        page.locator("details.talk-track summary").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("资金紧张")).click();
        screenshot("agent-call-verified");

        page.locator("#log-outcome").selectOption("CONVERSATION_DEBTOR");
        page.locator("#log-disposition").selectOption("PROMISE_TO_PAY");
        page.locator("#log-cause").selectOption("INCOME_DROP");
        page.locator("#promise-amount").fill("1,500.00");
        page.locator("#log-note").fill("月底发工资后还款");
        page.locator("#log-button").click();
        assertThat(page.locator("#done")).containsText("通话已记录");
        assertThat(page.locator("#promises")).containsText("1,500.00");
        assertThat(page.locator("#history")).containsText("与本人通话");
        assertThat(page.locator("#delinquency-cause")).containsText("收入减少");
        screenshot("agent-call-logged-with-promise");

        assertThat(jdbc.sql("select outcome from contact_attempt where case_id = ?").param(cases.zhangCase).query(String.class).single())
                .isEqualTo("CONVERSATION_DEBTOR");
        assertThat(jdbc.sql("select amount from promise where case_id = ?").param(cases.zhangCase).query(Long.class).single()).isEqualTo(1500_00L);
    }

    @Test
    void anAgentCannotOpenAnotherAgentsCaseAndNeverSeesAnUnmaskedIdNumber() {
        WorkbenchFixture cases = zhangAndLi();
        logIn("agent", "recoup-agent");
        Response response = page.navigate(url("/cases/" + cases.liCase));
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.content()).doesNotContain("李四");
        screenshot("agent-other-case-403");

        page.navigate(url("/cases/" + cases.zhangCase));
        assertThat(page.locator(".id-number")).containsText("1234");
        assertThat(page.content()).doesNotContain(WorkbenchFixture.ZHANG_ID).doesNotContain(WorkbenchFixture.ZHANG_PHONE);
    }

    @Test
    void theQuestionMarkListsTheKeyboardShortcutsAndNOpensTheNextCase() {
        WorkbenchFixture cases = zhangAndLi();
        logIn("agent", "recoup-agent");
        page.navigate(url("/my-queue"));
        page.keyboard().press("n");
        page.waitForURL("**/cases/" + cases.zhangCase);
        page.keyboard().press("?");
        assertThat(page.locator("#help")).isVisible();
        assertThat(page.locator("#help")).containsText("下一案件");
        screenshot("agent-shortcuts");
        page.keyboard().press("Escape");
        assertThat(page.locator("#help")).isHidden();
        page.keyboard().press("m");
        assertThat(page.locator("#note-body")).isFocused();
    }
}
