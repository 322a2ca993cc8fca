package dev.recoup.strategy.domain;

import java.util.List;
import java.util.Random;

/**
 * Random well-typed conditions over the supported subset, from a seed: every construct the
 * translator handles, nested, with values that provoke CEL's errors (overflow, division by zero,
 * doubles out of int range, NaN).
 */
final class RandomConditions {

    private static final List<String> INT_VARIABLES = List.of("caseId", "dpd", "overdueAmount", "totalAmount", "collateralValue",
            "age", "reachableContacts", "brokenPromises", "repaymentVariationBp", "daysInStage", "planDpd", "overdueBeyondPlan");
    private static final List<String> INT_LITERALS = List.of("0", "1", "2", "-1", "3", "30", "180", "5000000", "-7",
            "9223372036854775807", "4611686018427387904");
    private static final List<String> DOUBLE_LITERALS = List.of("0.0", "0.5", "-1.5", "1.0", "1e300", "-1e300", "1e-300", "-0.0");
    private static final List<String> STRING_VARIABLES = List.of("bucket", "tier", "region", "occupation", "repaymentTrend");
    private static final List<String> STRING_LITERALS = List.of("''", "'T1'", "'T2'", "'M7+'", "'44'", "'公司职员'", "'员'",
            "'DECLINING'", "'real_estate'", "'sme_loan'", "'110105'", "'M'");
    private static final List<String> LIST_VARIABLES = List.of("products", "collateralTypes");
    private static final List<String> PATTERNS = List.of("'^44'", "'员$'", "'T[12]'", "'^$'", "'.'", "'^M[0-9]'", "'(?i)t'");
    private static final List<String> COMPARISONS = List.of("<", "<=", ">", ">=", "==", "!=");
    private static final List<String> ORDERINGS = List.of("<", "<=", ">", ">=");

    private final Random random;

    RandomConditions(long seed) {
        this.random = new Random(seed);
    }

    String bool(int depth) {
        int choice = random.nextInt(depth <= 0 ? 8 : 18);
        return switch (choice) {
            case 0 -> integer(depth - 1) + " " + pick(COMPARISONS) + " " + integer(depth - 1);
            case 1 -> text(depth - 1) + " " + pick(COMPARISONS) + " " + text(depth - 1);
            case 2 -> text(depth - 1) + " in " + list(depth - 1);
            case 3 -> switch (random.nextInt(3)) {
                case 0 -> "onActivePlan";
                case 1 -> "true";
                default -> "false";
            };
            case 4 -> text(depth - 1) + "." + pick(List.of("startsWith", "endsWith", "contains")) + "(" + text(depth - 1) + ")";
            case 5 -> decimal(depth - 1) + " " + pick(COMPARISONS) + " " + decimal(depth - 1);
            case 6 -> random.nextBoolean()
                    ? decimal(depth - 1) + " " + pick(ORDERINGS) + " " + integer(depth - 1)
                    : integer(depth - 1) + " " + pick(ORDERINGS) + " " + decimal(depth - 1);
            case 7 -> (random.nextBoolean() ? "matches(" + text(depth - 1) + ", " : text(depth - 1) + ".matches(") + pick(PATTERNS) + ")";
            case 8, 9 -> "(" + bool(depth - 1) + " && " + bool(depth - 1) + ")";
            case 10, 11 -> "(" + bool(depth - 1) + " || " + bool(depth - 1) + ")";
            case 12 -> "!(" + bool(depth - 1) + ")";
            case 13 -> "(" + bool(depth - 1) + " ? " + bool(depth - 1) + " : " + bool(depth - 1) + ")";
            case 14 -> integer(depth - 1) + " in [" + integer(depth - 1) + ", " + pick(INT_LITERALS) + ", " + integer(depth - 1) + "]";
            case 15 -> integer(depth - 1) + " in [" + pick(INT_LITERALS) + ", " + pick(INT_LITERALS) + "]";
            case 16 -> "(" + bool(depth - 1) + ") " + pick(COMPARISONS) + " (" + bool(depth - 1) + ")";
            default -> bool(depth - 1) + " in [" + bool(depth - 1) + ", true]";
        };
    }

    String integer(int depth) {
        int choice = random.nextInt(depth <= 0 ? 2 : 12);
        return switch (choice) {
            case 0 -> pick(INT_VARIABLES);
            case 1 -> pick(INT_LITERALS);
            case 2 -> "(" + integer(depth - 1) + " + " + integer(depth - 1) + ")";
            case 3 -> "(" + integer(depth - 1) + " - " + integer(depth - 1) + ")";
            case 4 -> "(" + integer(depth - 1) + " * " + integer(depth - 1) + ")";
            case 5 -> "(" + integer(depth - 1) + " / " + integer(depth - 1) + ")";
            case 6 -> "(" + integer(depth - 1) + " % " + integer(depth - 1) + ")";
            case 7 -> "-(" + integer(depth - 1) + ")";
            case 8 -> random.nextBoolean() ? "size(" + text(depth - 1) + ")" : text(depth - 1) + ".size()";
            case 9 -> random.nextBoolean() ? "size(" + list(depth - 1) + ")" : list(depth - 1) + ".size()";
            case 10 -> random.nextBoolean() ? "int(" + decimal(depth - 1) + ")" : "int(" + integer(depth - 1) + ")";
            default -> "(" + bool(depth - 1) + " ? " + integer(depth - 1) + " : " + integer(depth - 1) + ")";
        };
    }

    String decimal(int depth) {
        int choice = random.nextInt(depth <= 0 ? 2 : 9);
        return switch (choice) {
            case 0 -> "score";
            case 1 -> pick(DOUBLE_LITERALS);
            case 2 -> "(" + decimal(depth - 1) + " + " + decimal(depth - 1) + ")";
            case 3 -> "(" + decimal(depth - 1) + " - " + decimal(depth - 1) + ")";
            case 4 -> "(" + decimal(depth - 1) + " * " + decimal(depth - 1) + ")";
            case 5 -> "(" + decimal(depth - 1) + " / " + decimal(depth - 1) + ")";
            case 6 -> "-(" + decimal(depth - 1) + ")";
            case 7 -> random.nextBoolean() ? "double(" + integer(depth - 1) + ")" : "double(" + decimal(depth - 1) + ")";
            default -> "(" + bool(depth - 1) + " ? " + decimal(depth - 1) + " : " + decimal(depth - 1) + ")";
        };
    }

    String text(int depth) {
        int choice = random.nextInt(depth <= 0 ? 2 : 5);
        return switch (choice) {
            case 0 -> pick(STRING_VARIABLES);
            case 1 -> pick(STRING_LITERALS);
            case 2 -> "(" + text(depth - 1) + " + " + text(depth - 1) + ")";
            case 3 -> "string(" + text(depth - 1) + ")";
            default -> "(" + bool(depth - 1) + " ? " + text(depth - 1) + " : " + text(depth - 1) + ")";
        };
    }

    String list(int depth) {
        int choice = random.nextInt(depth <= 0 ? 2 : 4);
        return switch (choice) {
            case 0 -> pick(LIST_VARIABLES);
            case 1 -> "[" + pick(STRING_LITERALS) + ", " + pick(STRING_LITERALS) + "]";
            case 2 -> "[" + text(depth - 1) + ", " + pick(STRING_LITERALS) + "]";
            default -> "(" + bool(depth - 1) + " ? " + list(depth - 1) + " : " + list(depth - 1) + ")";
        };
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
