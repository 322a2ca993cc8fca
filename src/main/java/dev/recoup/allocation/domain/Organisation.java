package dev.recoup.allocation.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Teams, agents and agencies as entered by a manager, checked field by field: every bad value is
 * reported with its field and the value given.
 */
public final class Organisation {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Pattern REGION = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");
    /** 100 billion yuan: far above any real capacity, far below overflow. */
    static final long MAX_AMOUNT_MINOR = 10_000_000_000_000L;
    static final int MAX_CASES = 1_000_000;

    private Organisation() {
    }

    /**
     * @param queues         strategy queues the team works, e.g. phone-t2
     * @param requiredSkills skills its agents need to be given its cases
     * @param regionMatching only cases of customers in the worker's regions
     */
    public record Team(String code, String nameZh, String nameEn, TeamKind kind, List<String> queues, List<String> requiredSkills,
                       boolean regionMatching, boolean active) {

        public Team {
            code = matching("code", code, CODE, "a lower-case code of 2–40 letters, digits and '-', e.g. phone-t2");
            nameZh = checkedName("nameZh", nameZh);
            nameEn = checkedName("nameEn", nameEn);
            required("kind", kind);
            queues = codes("queues", queues, CODE, true, "queue codes such as phone-t2");
            requiredSkills = codes("requiredSkills", requiredSkills == null ? List.of() : requiredSkills, SKILL, false, "skill codes such as legal");
            if (!kind.allocatesCases() || kind == TeamKind.AGENCY) {
                if (!requiredSkills.isEmpty()) {
                    throw new InvalidInputException("requiredSkills", String.join(",", requiredSkills),
                            "a " + kind + " team cannot require skills: only agents of people teams have skills");
                }
                if (regionMatching) {
                    throw new InvalidInputException("regionMatching", "true", "a " + kind + " team cannot match regions");
                }
            }
        }
    }

    /**
     * @param regions GB/T 2260 prefixes the agent covers (2, 4 or 6 digits)
     */
    public record Agent(String ref, String name, String teamCode, List<String> skills, int level, LocalDate startedOn, List<String> regions,
                        int maxOpenCases, long maxOverdueMinor, boolean active) {

        public Agent {
            ref = matching("ref", ref, REF, "1–40 letters, digits, '_', '.' or '-', e.g. A-0042");
            name = checkedName("name", name);
            teamCode = matching("teamCode", teamCode, CODE, "the code of a team, e.g. phone-t2");
            skills = codes("skills", skills == null ? List.of() : skills, SKILL, false, "skill codes such as legal");
            if (level < 1 || level > 5) {
                throw new InvalidInputException("level", String.valueOf(level), "level must be from 1 (junior) to 5 (senior)");
            }
            required("startDate", startedOn);
            regions = codes("regions", regions == null ? List.of() : regions, REGION, false,
                    "GB/T 2260 region codes or prefixes of 2, 4 or 6 digits, e.g. 44 or 4403");
            capacity(maxOpenCases, maxOverdueMinor);
        }
    }

    public record Agency(String ref, String name, String teamCode, int commissionRateBp, int placementDays, int maxOpenCases,
                         long maxOverdueMinor, boolean active) {

        public Agency {
            ref = matching("ref", ref, REF, "1–40 letters, digits, '_', '.' or '-', e.g. AG-01");
            name = checkedName("name", name);
            teamCode = matching("teamCode", teamCode, CODE, "the code of an agency team, e.g. agency");
            if (commissionRateBp < 0 || commissionRateBp > 10_000) {
                throw new InvalidInputException("commissionRateBp", String.valueOf(commissionRateBp),
                        "commission rate in basis points, from 0 to 10000 (1500 = 15%)");
            }
            if (placementDays < 1 || placementDays > 3650) {
                throw new InvalidInputException("placementDays", String.valueOf(placementDays), "placement period in days, from 1 to 3650");
            }
            capacity(maxOpenCases, maxOverdueMinor);
        }
    }

    private static void capacity(int maxOpenCases, long maxOverdueMinor) {
        if (maxOpenCases < 0 || maxOpenCases > MAX_CASES) {
            throw new InvalidInputException("maxOpenCases", String.valueOf(maxOpenCases), "maximum open cases, from 0 to " + MAX_CASES);
        }
        if (maxOverdueMinor < 0 || maxOverdueMinor > MAX_AMOUNT_MINOR) {
            throw new InvalidInputException("maxOverdueMinor", String.valueOf(maxOverdueMinor),
                    "maximum total overdue amount in fen, from 0 to " + MAX_AMOUNT_MINOR);
        }
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, null, field + " is required");
        }
    }

    private static String matching(String field, String value, Pattern pattern, String expected) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value, field + " is required: " + expected);
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, value, field + " must be " + expected);
        }
        return value;
    }

    private static String checkedName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value, field + " is required");
        }
        if (value.strip().length() > 100) {
            throw new InvalidInputException(field, value, field + " must be at most 100 characters");
        }
        return value.strip();
    }

    private static List<String> codes(String field, List<String> values, Pattern pattern, boolean atLeastOne, String expected) {
        if (values == null || (atLeastOne && values.isEmpty())) {
            throw new InvalidInputException(field, null, field + " needs at least one of " + expected);
        }
        var seen = new HashSet<String>();
        for (String v : values) {
            if (v == null || !pattern.matcher(v).matches()) {
                throw new InvalidInputException(field, v, field + " must be " + expected);
            }
            if (!seen.add(v)) {
                throw new InvalidInputException(field, v, field + " lists '" + v + "' twice");
            }
        }
        return List.copyOf(values);
    }
}
