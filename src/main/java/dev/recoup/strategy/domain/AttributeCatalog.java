package dev.recoup.strategy.domain;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CEL variables: one per {@link CaseAttributes} field, with its CEL type and how to read it.
 * A missing text reads as "" and a missing set as empty, so a condition never meets a null.
 */
final class AttributeCatalog {

    /** How a variable is read from the attributes; exactly one reader is set (closures the translator uses as leaves). */
    record Variable(String name, CelType celType, Eval.Int integer, Eval.Double decimal, Eval.Text text, Eval.Texts texts, Eval.Bool bool) {

        Variable(String name, CelType celType, Eval.Int integer, Eval.Double decimal, Eval.Text text, Eval.Texts texts) {
            this(name, celType, integer, decimal, text, texts, null);
        }

        /** The value as CEL's own runtime expects it (Long, Double, String, List of String, Boolean). */
        Object celValue(CaseAttributes attributes) {
            if (bool != null) {
                return bool.test(attributes);
            }
            if (integer != null) {
                return integer.eval(attributes);
            }
            if (decimal != null) {
                return decimal.eval(attributes);
            }
            if (text != null) {
                return text.eval(attributes);
            }
            return List.copyOf(texts.eval(attributes));
        }
    }

    static final Map<String, Variable> VARIABLES;

    static {
        // One direct lambda per attribute, so reading an attribute is a single call.
        Map<String, Variable> variables = new LinkedHashMap<>();
        integer(variables, "caseId", a -> a.caseId());
        integer(variables, "dpd", a -> a.dpd());
        text(variables, "bucket", a -> orEmpty(a.bucket()));
        text(variables, "tier", a -> orEmpty(a.tier()));
        integer(variables, "overdueAmount", a -> a.overdueAmount());
        integer(variables, "totalAmount", a -> a.totalAmount());
        texts(variables, "products", a -> orEmpty(a.products()));
        texts(variables, "collateralTypes", a -> orEmpty(a.collateralTypes()));
        integer(variables, "collateralValue", a -> a.collateralValue());
        text(variables, "region", a -> orEmpty(a.region()));
        integer(variables, "age", a -> a.age());
        text(variables, "occupation", a -> orEmpty(a.occupation()));
        integer(variables, "reachableContacts", a -> a.reachableContacts());
        integer(variables, "brokenPromises", a -> a.brokenPromises());
        text(variables, "repaymentTrend", a -> orEmpty(a.repaymentTrend()));
        integer(variables, "repaymentVariationBp", a -> a.repaymentVariationBp());
        integer(variables, "daysInStage", a -> a.daysInStage());
        variables.put("score", new Variable("score", SimpleType.DOUBLE, null, a -> a.score(), null, null));
        variables.put("onActivePlan", new Variable("onActivePlan", SimpleType.BOOL, null, null, null, null, a -> a.onActivePlan()));
        integer(variables, "planDpd", a -> a.planDpd());
        integer(variables, "overdueBeyondPlan", a -> a.overdueBeyondPlan());
        text(variables, "delinquencyCause", a -> orEmpty(a.delinquencyCause()));
        VARIABLES = Map.copyOf(variables);
        ATTRIBUTES = variables.values().stream()
                .map(v -> new ConditionAttribute(v.name(), typeName(v.celType())))
                .toList();
    }

    /** In declaration order (the order of {@link CaseAttributes}' components). */
    static final List<ConditionAttribute> ATTRIBUTES;

    private AttributeCatalog() {
    }

    private static void integer(Map<String, Variable> variables, String name, Eval.Int reader) {
        variables.put(name, new Variable(name, SimpleType.INT, reader, null, null, null));
    }

    private static void text(Map<String, Variable> variables, String name, Eval.Text reader) {
        variables.put(name, new Variable(name, SimpleType.STRING, null, null, reader, null));
    }

    private static void texts(Map<String, Variable> variables, String name, Eval.Texts reader) {
        variables.put(name, new Variable(name, ListType.create(SimpleType.STRING), null, null, null, reader));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Set<String> orEmpty(Set<String> value) {
        return value == null ? Set.of() : value;
    }

    static String typeName(CelType type) {
        return switch (type.kind()) {
            case INT -> "int";
            case DOUBLE -> "double";
            case STRING -> "string";
            case BOOL -> "bool";
            case UINT -> "uint";
            case LIST -> "list(" + (type.parameters().isEmpty() ? "dyn" : typeName(type.parameters().get(0))) + ")";
            default -> type.name();
        };
    }

    static List<String> names() {
        return ATTRIBUTES.stream().map(ConditionAttribute::name).toList();
    }
}
