package dev.recoup.workbench;

import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.QuietStrategy;
import dev.recoup.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/**
 * Three overdue customers after a daily run: 张三 (¥1,700 overdue) and 王五 (¥100), both assigned to
 * the demo user "agent"'s allocation agent, and 李四 (assigned to "agent2"'s); 张三 and 李四 with a
 * phone of their own, 张三 with a relative too.
 */
final class WorkbenchFixture {

    static final String ZHANG_ID = "110101199003071234";
    static final String ZHANG_PHONE = "13812345678";

    final long zhangCase;
    final long liCase;
    final long wangCase;
    final long zhangPhone;
    final long zhangRelative;

    WorkbenchFixture(JdbcClient jdbc, DailyRunService runs, LocalDate today) {
        TestDatabase.clean(jdbc);
        QuietStrategy.activate(jdbc);
        new PortfolioFixture(jdbc)
                .customer("ZS").account("ZS-1", "ZS", today.minusDays(45).toString(), 6, 1000).payment("ZS-1", today.minusDays(40).toString(), 300)
                .customer("LS").account("LS-1", "LS", today.minusDays(75).toString(), 6, 2000)
                .customer("WW").account("WW-1", "WW", today.minusDays(35).toString(), 2, 100);
        jdbc.sql("update customer set name = '张三', id_number = ? where customer_ref = 'ZS'").param(ZHANG_ID).update();
        jdbc.sql("update customer set name = '李四', id_number = '440305198512120021' where customer_ref = 'LS'").update();
        jdbc.sql("update customer set name = '王五', id_number = '310101197001010015' where customer_ref = 'WW'").update();
        zhangPhone = contact(jdbc, "ZS", "ZS-SELF", "self", "张三", ZHANG_PHONE);
        zhangRelative = contact(jdbc, "ZS", "ZS-REL", "relative", "张父", "13900001111");
        contact(jdbc, "LS", "LS-SELF", "self", "李四", "13700002222");
        runs.runToCompletion(today, "test");
        zhangCase = caseOf(jdbc, "ZS");
        liCase = caseOf(jdbc, "LS");
        wangCase = caseOf(jdbc, "WW");
        long team = jdbc.sql("insert into team (code, name_zh, name_en, kind, queues) values ('phone-t2', '电催二组', 'Phone T2', 'PHONE', '{phone-t2}') returning id")
                .query(Long.class).single();
        // The allocation agents the demo users "agent" and "agent2" are linked to (application.yml).
        long a1 = agent(jdbc, team, agentRefOf(jdbc, "agent"), "王催收");
        long a2 = agent(jdbc, team, agentRefOf(jdbc, "agent2"), "赵催收");
        assign(jdbc, zhangCase, a1, team, today);
        assign(jdbc, liCase, a2, team, today);
        assign(jdbc, wangCase, a1, team, today);
    }

    static String agentRefOf(JdbcClient jdbc, String username) {
        return jdbc.sql("select agent_ref from app_user where username = ?").param(username).query(String.class).single();
    }

    static long contact(JdbcClient jdbc, String customerRef, String ref, String role, String name, String phone) {
        return jdbc.sql("""
                insert into contact (contact_ref, customer_id, role, name, phone) select ?, id, ?, ?, ? from customer where customer_ref = ? returning id""")
                .params(ref, role, name, phone, customerRef).query(Long.class).single();
    }

    static long caseOf(JdbcClient jdbc, String customerRef) {
        return jdbc.sql("select c.id from collection_case c join customer cu on cu.id = c.customer_id where cu.customer_ref = ? and c.status = 'OPEN'")
                .param(customerRef).query(Long.class).single();
    }

    static long agent(JdbcClient jdbc, long team, String ref, String name) {
        return jdbc.sql("""
                insert into agent (agent_ref, name, team_id, level, started_on, max_open_cases, max_overdue_minor)
                values (?, ?, ?, 3, date '2024-01-01', 5000, 100000000000) returning id""").params(ref, name, team).query(Long.class).single();
    }

    static void assign(JdbcClient jdbc, long caseId, long agentId, long team, LocalDate today) {
        jdbc.sql("""
                insert into case_assignment (case_id, agent_id, team_id, queue, segment_code, overdue_at_assignment, expected_recovery, method,
                                             allocation_run_id, assigned_on, review_on)
                values (?, ?, ?, 'phone-t2', 'all', 0, 0, 'ROUND_ROBIN', 0, ?, ?)""").params(caseId, agentId, team, today, today.plusDays(30)).update();
    }
}
