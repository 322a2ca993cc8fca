package dev.recoup.allocation;

import dev.recoup.allocation.domain.Organisation;
import dev.recoup.allocation.domain.TeamKind;
import dev.recoup.allocation.persistence.OrganisationStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Creates a realistic collections organisation on an empty database — one team per queue of the
 * default strategy, agents with varied start dates (about one in ten started in the last two weeks),
 * levels, skills and regions, and outside agencies — for the demo and the end-to-end benchmark.
 * Deterministic from the seed.
 */
@Service
public class OrganisationSeeder {

    /** Where demo borrowers mostly live (GB/T 2260 province prefixes), for field agents' regions. */
    private static final String[] PROVINCES = {"44", "31", "11", "32", "33", "37", "51", "42", "35", "41", "43", "50", "61", "12", "34"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹";
    private static final String GIVEN = "伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯芳娜敏静丽艳娟霞秀燕玲丹萍琳雪婷慧莉倩颖";
    private static final String[][] AGENCIES = {
            {"华信资产管理有限公司", "Huaxin Asset Management"}, {"恒通商务咨询有限公司", "Hengtong Business Consulting"},
            {"鼎盛律师事务所", "Dingsheng Law Firm"}, {"瑞丰信用管理有限公司", "Ruifeng Credit Management"},
            {"东方联创资产管理有限公司", "Dongfang Lianchuang Asset Management"}};

    private final OrganisationStore store;

    OrganisationSeeder(OrganisationStore store) {
        this.store = store;
    }

    /**
     * @param agents             how many agents (split phone 55%, senior 20%, legal 10%, field 15%)
     * @param agencies           how many outside agencies (at most 5)
     * @param casesPerAgent      an agent's average case capacity (each agent 70–130% of it; agencies 20 times it)
     * @param typicalOverdueYuan the overdue amount of a typical case: the amount capacity is cases × this × 0.8–1.6
     */
    public record Plan(int agents, int agencies, int casesPerAgent, long typicalOverdueYuan, long seed) {

        /**
         * The demo's organisation: 30 agents and 3 agencies, sized so the phone team cannot hold all of
         * the demo portfolio's T2 cases and the methods' choices differ.
         */
        public static Plan demo() {
            return new Plan(30, 3, 10, 8_000, 42);
        }

        /** About one agent per 3,300 accounts (300 for a million), holding 400 cases each. */
        public static Plan forAccounts(int accounts) {
            return new Plan(Math.max(10, accounts / 3_333), 3, 400, 15_000, 42);
        }
    }

    public record Summary(int teams, int agents, int newAgents, int agencies) {
    }

    /** Creates the organisation unless there is one already (any team); returns what exists afterwards. */
    @Transactional
    public Summary create(Plan plan, LocalDate today) {
        if (!store.teams().isEmpty()) {
            return summary(today);
        }
        Random random = new Random(plan.seed());
        team("robot-sms", "机器人语音与短信组", "Robot voice & SMS", TeamKind.ROBOT_SMS, List.of(), false);
        team("phone-t2", "电话催收组", "Phone collectors (T2)", TeamKind.PHONE, List.of(), false);
        team("senior-t3", "高级专员组", "Senior specialists (T3)", TeamKind.SENIOR, List.of(), false);
        team("legal", "法务组", "Legal", TeamKind.LEGAL, List.of("legal"), false);
        team("field", "外访组", "Field visits", TeamKind.FIELD, List.of(), true);
        team("agency", "委外机构", "Outside agencies", TeamKind.AGENCY, List.of(), false);

        int[] split = split(plan.agents(), new double[]{0.55, 0.20, 0.10, 0.15});
        String[] teams = {"phone-t2", "senior-t3", "legal", "field"};
        int number = 0;
        for (int t = 0; t < teams.length; t++) {
            for (int i = 0; i < split[t]; i++) {
                number++;
                // About one agent in ten is new (started within two weeks): they get T1 cases only.
                boolean isNew = random.nextInt(10) == 0;
                LocalDate started = isNew ? today.minusDays(random.nextInt(14)) : today.minusDays(30 + random.nextInt(6 * 365));
                int level = isNew ? 1 : switch (teams[t]) {
                    case "senior-t3", "legal" -> 3 + random.nextInt(3);
                    default -> 1 + random.nextInt(4);
                };
                List<String> skills = new ArrayList<>();
                if (teams[t].equals("legal")) {
                    skills.add("legal");
                }
                if (level >= 4) {
                    skills.add("negotiation");
                }
                if (random.nextInt(5) == 0) {
                    skills.add("cantonese");
                }
                // Field agents cover one or two provinces; others may list a home region.
                List<String> regions = new ArrayList<>();
                if (teams[t].equals("field")) {
                    regions.add(PROVINCES[i % PROVINCES.length]);
                    if (random.nextBoolean()) {
                        String second = PROVINCES[random.nextInt(PROVINCES.length)];
                        if (!regions.contains(second)) {
                            regions.add(second);
                        }
                    }
                }
                int cases = (int) Math.round(plan.casesPerAgent() * (0.7 + 0.6 * random.nextDouble()) * (teams[t].equals("phone-t2") ? 1.2 : 0.8));
                long amount = Math.round(cases * plan.typicalOverdueYuan() * 100 * (0.8 + 0.8 * random.nextDouble()));
                store.createAgent(new Organisation.Agent("A%04d".formatted(number), name(random), teams[t], skills, level, started, regions,
                        cases, amount, true));
            }
        }
        for (int a = 0; a < Math.min(plan.agencies(), AGENCIES.length); a++) {
            int cases = plan.casesPerAgent() * 20;
            store.createAgency(new Organisation.Agency("AG%02d".formatted(a + 1), AGENCIES[a][0], "agency", 1200 + 300 * a, 60 + 30 * (a % 3),
                    cases, cases * plan.typicalOverdueYuan() * 100 * 2, true));
        }
        return summary(today);
    }

    private Summary summary(LocalDate today) {
        var agents = store.agents(null);
        int recent = (int) agents.stream().filter(a -> a.startDate().isAfter(today.minusDays(14))).count();
        return new Summary(store.teams().size(), agents.size(), recent, store.agencies().size());
    }

    private void team(String code, String zh, String en, TeamKind kind, List<String> skills, boolean regions) {
        store.createTeam(new Organisation.Team(code, zh, en, kind, List.of(code), skills, regions, true));
    }

    private static String name(Random random) {
        return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
    }

    private static int[] split(int total, double[] shares) {
        int[] parts = new int[shares.length];
        int given = 0;
        for (int i = 0; i < shares.length; i++) {
            parts[i] = Math.max(1, (int) Math.floor(total * shares[i]));
            given += parts[i];
        }
        parts[0] += Math.max(0, total - given);
        return parts;
    }
}
