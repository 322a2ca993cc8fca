package dev.recoup.contact.templates;

import dev.recoup.contact.testing.ChannelsTestBase;
import dev.recoup.contact.testing.ContactFixture;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TemplateApiTest extends ChannelsTestBase {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MessageTemplates templates;

    static final RequestPostProcessor MANAGER = httpBasic("manager", "recoup-manager");
    static final RequestPostProcessor AGENT = httpBasic("agent", "recoup-agent");

    @BeforeEach
    void theDefaultTemplates() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
    }

    ResultActions postJson(String url, String json, RequestPostProcessor who, Object... vars) throws Exception {
        return mvc.perform(post(url, vars).with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aManagerCreatesATemplateAndEverySaveIsANewVersionWithTheOldOneKept() throws Exception {
        postJson("/api/v1/templates", """
                {"code": "sms.gentle-reminder", "name": "温和提醒", "kind": "REMINDER", "channel": "SMS",
                 "content": {"zh-CN": {"body": "{{customerName}}您好，您有{{overdueAmount}}待还。"},
                             "en": {"body": "Dear {{customerName}}, {{overdueAmount}} is due."}}}""", MANAGER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.template.currentVersion").value(1))
                .andExpect(jsonPath("$.template.audience").value("DEBTOR"))
                .andExpect(jsonPath("$.current.usesDebtVariables").value(true));
        long id = jdbc.sql("select id from message_template where code = 'sms.gentle-reminder'").query(Long.class).single();

        postJson("/api/v1/templates/{id}/versions", """
                {"content": {"zh-CN": {"body": "{{customerName}}您好，温馨提醒您有{{overdueAmount}}待还。"},
                             "en": {"body": "Dear {{customerName}}, a friendly reminder: {{overdueAmount}} is due."}}, "note": "softer"}""", MANAGER, id)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.template.currentVersion").value(2))
                .andExpect(jsonPath("$.versions", hasSize(2)));

        mvc.perform(get("/api/v1/templates/{id}/versions/1", id).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content['zh-CN'].body").value("{{customerName}}您好，您有{{overdueAmount}}待还。"));
        mvc.perform(get("/api/v1/templates/{id}", id).with(AGENT))
                .andExpect(jsonPath("$.current.version").value(2))
                .andExpect(jsonPath("$.current.note").value("softer"));
        mvc.perform(get("/api/v1/templates").param("channel", "SMS").param("kind", "REMINDER").with(AGENT))
                .andExpect(jsonPath("$", hasSize(2)));
    }

    @Test
    void aThirdPartyTemplateWithADebtVariableIsRefusedNamingTemplateLanguagePositionAndVariable() throws Exception {
        postJson("/api/v1/templates", """
                {"code": "sms.tp", "kind": "THIRD_PARTY_CALL_BACK", "channel": "SMS",
                 "content": {"zh-CN": {"body": "请转告{{customerName}}回电{{callBackNumber}}，欠款{{overdueAmount}}"},
                             "en": {"body": "Please ask {{customerName}} to call {{callBackNumber}}."}}}""", MANAGER)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Template rejected"))
                .andExpect(jsonPath("$.field").value("content.zh-CN.body"))
                .andExpect(jsonPath("$.detail", containsString("Template 'sms.tp' (zh-CN) body line 1, column")))
                .andExpect(jsonPath("$.violations", hasSize(2)))
                .andExpect(jsonPath("$.violations[0].problem").value("FORBIDDEN_WORDING"))
                .andExpect(jsonPath("$.violations[0].category").value("DEBT_DISCLOSURE"))
                .andExpect(jsonPath("$.violations[0].word").value("欠款"))
                .andExpect(jsonPath("$.violations[1].problem").value("DEBT_VARIABLE_FOR_THIRD_PARTY"))
                .andExpect(jsonPath("$.violations[1].template").value("sms.tp"))
                .andExpect(jsonPath("$.violations[1].language").value("zh-CN"))
                .andExpect(jsonPath("$.violations[1].line").value(1))
                .andExpect(jsonPath("$.violations[1].column").value(43))
                .andExpect(jsonPath("$.violations[1].word").value("{{overdueAmount}}"));
        mvc.perform(get("/api/v1/templates").with(AGENT)).andExpect(jsonPath("$", hasSize(18)));
    }

    @Test
    void forbiddenWordingInANewVersionIsRefusedAndTheCurrentVersionStays() throws Exception {
        long id = templates.byCode("sms.reminder").orElseThrow().id();

        postJson("/api/v1/templates/{id}/versions", """
                {"content": {"zh-CN": {"body": "{{customerName}}，法院传票已发出，速还"}, "en": {"body": "Pay now or you will be ARRESTED."}}}""", MANAGER, id)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].category").value("IMPERSONATION"))
                .andExpect(jsonPath("$.violations[0].word").value("法院传票"))
                .andExpect(jsonPath("$.violations[1].language").value("en"))
                .andExpect(jsonPath("$.violations[1].category").value("FALSE_LEGAL_CONSEQUENCE"))
                .andExpect(jsonPath("$.violations[1].reason_zh", containsString("虚假法律后果")));

        mvc.perform(get("/api/v1/templates/{id}", id).with(AGENT)).andExpect(jsonPath("$.template.currentVersion").value(1));
    }

    @Test
    void aPreviewFillsSampleValuesAndAddsTheOptOutNoticeOfThePack() throws Exception {
        long id = templates.byCode("sms.promise-reminder").orElseThrow().id();

        postJson("/api/v1/templates/{id}/preview", """
                {"language": "en", "pack": "US-REGF", "variables": {"promiseAmount": "USD 200.00"}}""", AGENT, id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body", containsString("agreed to pay USD 200.00 on 28 November 2026")))
                .andExpect(jsonPath("$.body", endsWith("Reply STOP to stop texts to this number.")))
                .andExpect(jsonPath("$.optOutAppended").value(true));
        postJson("/api/v1/templates/{id}/preview", "{}", AGENT, id)
                .andExpect(jsonPath("$.language").value("zh-CN"))
                .andExpect(jsonPath("$.body", endsWith("回T退订")));
    }

    @Test
    void anAgentMayReadButNotSaveTemplates() throws Exception {
        postJson("/api/v1/templates", "{}", AGENT).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/templates/variables").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'overdueAmount')].debt").value(true))
                .andExpect(jsonPath("$[?(@.name == 'callBackNumber')].debt").value(false));
    }

    @Test
    void theTemplatesPageListsTheDefaultsInChineseOrEnglish() throws Exception {
        mvc.perform(get("/templates").with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("消息模板")))
                .andExpect(content().string(containsString("sms.first-day-reminder")))
                .andExpect(content().string(containsString("逾期首日提醒")));
        mvc.perform(get("/templates").param("lang", "en").with(user("agent").roles("AGENT")))
                .andExpect(content().string(containsString("Message templates")))
                .andExpect(content().string(containsString("Third-party call-back request")));
        long id = templates.byCode("email.risk-warning").orElseThrow().id();
        mvc.perform(get("/templates/{id}", id).with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("张三您好")))
                .andExpect(content().string(containsString("如不希望再收到此类邮件")));
    }

    @Test
    void thePageSaysWhyAVersionWasRefused() throws Exception {
        long id = templates.byCode("sms.third-party-call-back").orElseThrow().id();

        mvc.perform(post("/templates/{id}/versions", id).with(user("manager").roles("MANAGER")).with(csrf())
                        .param("bodyZh", "请转告{{customerName}}尽快还{{overdueAmount}}").param("bodyEn", "Ask {{customerName}} to call {{callBackNumber}}."))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("violations"));
        mvc.perform(post("/templates/{id}/versions", id).with(user("agent").roles("AGENT")).with(csrf()).param("bodyZh", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMessageIsEnqueuedOncePerIdempotencyKeyThroughTheApi() throws Exception {
        ContactFixture fixture = new ContactFixture(jdbc);
        long customer = fixture.customer("C1", "张三", "上海市");
        long caseId = fixture.openCase(customer);
        long contact = fixture.contact(customer, "C1-SELF", "self", "张三", "13800138000", null, null);
        String body = """
                {"idempotencyKey": "agent/1/sms.invitation", "caseId": %d, "contactId": %d, "channel": "SMS", "templateCode": "sms.invitation-to-negotiate",
                 "variables": {"senderName": "瑞可", "lenderName": "示例", "overdueAmount": "100元", "callBackNumber": "4008001234"}}"""
                .formatted(caseId, contact);

        postJson("/api/v1/outbound-messages", body, AGENT)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.endpoint").value("13800138000"))
                .andExpect(jsonPath("$.purpose").value("COLLECTION"))
                .andExpect(jsonPath("$.body", endsWith("回T退订")));
        postJson("/api/v1/outbound-messages", body, AGENT).andExpect(status().isOk());
        postJson("/api/v1/outbound-messages", body.replace("\"SMS\"", "\"EMAIL\""), AGENT)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("channel"));
        postJson("/api/v1/outbound-messages", body.replace("agent/1", "agent/2").replace("sms.invitation-to-negotiate", "email.reminder")
                .replace("\"SMS\"", "\"EMAIL\""), AGENT)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("no e-mail address")));
        postJson("/api/v1/outbound-messages", body.replace("agent/1", "agent/3").replace("100元", "100元，否则坐牢"), AGENT)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("坐牢")));
        mvc.perform(get("/api/v1/outbound-messages").param("caseId", String.valueOf(caseId)).with(AGENT)).andExpect(jsonPath("$", hasSize(1)));
    }
}
