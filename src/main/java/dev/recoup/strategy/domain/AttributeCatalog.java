package dev.recoup.strategy.domain;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The CEL variables: one per {@link CaseAttributes} field, with its CEL type and how to read it.
 * A missing text reads as "" and a missing set as empty, so a condition never meets a null.
 */
final class AttributeCatalog {

    /** How a variable is read from the attributes; exactly one reader is set. */
    record Variable(String name, CelType celType, ToLongFunction<CaseAttributes> integer,
                    ToDoubleFunction<CaseAttributes> decimal, Function<CaseAttributes, String> text,
                    Function<CaseAttributes, Set<String>> texts) {

        /** The value as CEL's own runtime expects it (Long, Double, String, List of String). */
        Object celValue(CaseAttributes attributes) {
            if (integer != null) {
                return integer.applyAsLong(attributes);
            }
            if (decimal != null) {
                return decimal.applyAsDouble(attributes);
            }
            if (text != null) {
                return text.apply(attributes);
            }
            return List.copyOf(texts.apply(attributes));
        }
    }

    static final Map<String, Variable> VARIABLES;

    static {
        Map<String, Variable> variables = new LinkedHashMap<>();
        integer(variables, "caseId", CaseAttributes::caseId);
        integer(variables, "dpd", CaseAttributes::dpd);
        text(variables, "bucket", CaseAttributes::bucket);
        text(variables, "tier", CaseAttributes::tier);
        integer(variables, "overdueAmount", CaseAttributes::overdueAmount);
        integer(variables, "totalAmount", CaseAttributes::totalAmount);
        texts(variables, "products", CaseAttributes::products);
        texts(variables, "collateralTypes", CaseAttributes::collateralTypes);
        integer(variables, "collateralValue", CaseAttributes::collateralValue);
        text(variables, "region", CaseAttributes::region);
        integer(variables, "age", CaseAttributes::age);
        text(variables, "occupation", CaseAttributes::occupation);
        integer(variables, "reachableContacts", CaseAttributes::reachableContacts);
        integer(variables, "brokenPromises", CaseAttributes::brokenPromises);
        text(variables, "repaymentTrend", CaseAttributes::repaymentTrend);
        integer(variables, "repaymentVariationBp", CaseAttributes::repaymentVariationBp);
        integer(variables, "daysInStage", CaseAttributes::daysInStage);
        variables.put("score", new Variable("score", SimpleType.DOUBLE, null, CaseAttributes::score, null, null));
        VARIABLES = Map.copyOf(variables);
        ATTRIBUTES = variables.values().stream()
                .map(v -> new ConditionAttribute(v.name(), typeName(v.celType())))
                .toList();
    }

    /** In declaration order (the order of {@link CaseAttributes}' components). */
    static final List<ConditionAttribute> ATTRIBUTES;

    private AttributeCatalog() {
    }

    private static void integer(Map<String, Variable> variables, String name, ToLongFunction<CaseAttributes> reader) {
        variables.put(name, new Variable(name, SimpleType.INT, reader, null, null, null));
    }

    private static void text(Map<String, Variable> variables, String name, Function<CaseAttributes, String> reader) {
        Function<CaseAttributes, String> orEmpty = a -> {
            String value = reader.apply(a);
            return value == null ? "" : value;
        };
        variables.put(name, new Variable(name, SimpleType.STRING, null, null, orEmpty, null));
    }

    private static void texts(Map<String, Variable> variables, String name, Function<CaseAttributes, Set<String>> reader) {
        Function<CaseAttributes, Set<String>> orEmpty = a -> {
            Set<String> value = reader.apply(a);
            return value == null ? Set.of() : value;
        };
        variables.put(name, new Variable(name, ListType.create(SimpleType.STRING), null, null, null, orEmpty));
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
