package dev.recoup.strategy.domain;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Translates a type-checked CEL condition into {@link Eval} closures. Only the subset below is
 * translated; anything else is reported as a {@link Problem} at its position, never approximated:
 * <ul>
 *   <li>literals: bool, int, double, string; lists of them only as the right side of {@code in};</li>
 *   <li>attributes ({@link AttributeCatalog}); {@code && || !} and {@code ? :};</li>
 *   <li>{@code == !=} on int, double, string, bool; {@code < <= > >=} on int, double (also mixed
 *       int/double), string, bool;</li>
 *   <li>int arithmetic {@code + - * / %} and unary {@code -} with CEL's overflow and division
 *       errors; double arithmetic {@code + - * /}; {@code int(double)}, {@code double(int)};</li>
 *   <li>strings: {@code +}, {@code size}, {@code startsWith}, {@code endsWith}, {@code contains},
 *       {@code matches} with a literal pattern (RE2, partial match as CEL);</li>
 *   <li>{@code x in list} for string, int and bool elements; {@code size(list)}.</li>
 * </ul>
 */
final class ConditionTranslator {

    /** Something the translator does not support, at the node it found it. */
    record Problem(long exprId, String message) {
    }

    /** Overloads that can raise a CEL evaluation error. */
    private static final Set<String> FALLIBLE = Set.of(
            "add_int64", "subtract_int64", "multiply_int64", "divide_int64", "modulo_int64", "negate_int64",
            "double_to_int64");

    private final CelAbstractSyntaxTree ast;
    private final List<Problem> problems = new ArrayList<>();

    private ConditionTranslator(CelAbstractSyntaxTree ast) {
        this.ast = ast;
    }

    /** The condition's closure, or the problems that prevent one. */
    record Translation(Eval.Bool condition, List<Problem> problems) {
    }

    static Translation translate(CelAbstractSyntaxTree checked) {
        ConditionTranslator translator = new ConditionTranslator(checked);
        Eval.Bool condition = translator.bool(checked.getExpr());
        return translator.problems.isEmpty()
                ? new Translation(condition, List.of())
                : new Translation(null, List.copyOf(translator.problems));
    }

    // ---- typed translation ------------------------------------------------------------------

    private Eval.Bool bool(CelExpr e) {
        switch (e.getKind()) {
            case CONSTANT -> {
                if (e.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE) {
                    boolean value = e.constant().booleanValue();
                    return a -> value;
                }
            }
            case IDENT -> {
                AttributeCatalog.Variable variable = variable(e);
                if (variable != null && variable.bool() != null) {
                    return variable.bool();
                }
            }
            case CALL -> {
                return boolCall(e);
            }
            default -> {
            }
        }
        return unsupportedBool(e);
    }

    private Eval.Bool boolCall(CelExpr e) {
        String overload = overload(e);
        List<CelExpr> args = operands(e);
        switch (overload) {
            case "logical_and" -> {
                return and(args.get(0), args.get(1));
            }
            case "logical_or" -> {
                return or(args.get(0), args.get(1));
            }
            case "logical_not" -> {
                Eval.Bool operand = bool(args.get(0));
                return a -> !operand.test(a);
            }
            case "conditional" -> {
                Eval.Bool condition = bool(args.get(0)), then = bool(args.get(1)), otherwise = bool(args.get(2));
                return a -> condition.test(a) ? then.test(a) : otherwise.test(a);
            }
            case "equals", "not_equals" -> {
                Eval.Bool equal = equality(e, args.get(0), args.get(1));
                if (overload.equals("equals")) {
                    return equal;
                }
                return a -> !equal.test(a);
            }
            case "in_list" -> {
                return in(e, args.get(0), args.get(1));
            }
            case "starts_with_string" -> {
                Eval.Text text = text(args.get(0)), prefix = text(args.get(1));
                return a -> text.eval(a).startsWith(prefix.eval(a));
            }
            case "ends_with_string" -> {
                Eval.Text text = text(args.get(0)), suffix = text(args.get(1));
                return a -> text.eval(a).endsWith(suffix.eval(a));
            }
            case "contains_string" -> {
                Eval.Text text = text(args.get(0)), part = text(args.get(1));
                return a -> text.eval(a).contains(part.eval(a));
            }
            case "matches", "matches_string" -> {
                return matches(args.get(0), args.get(1));
            }
            default -> {
                Comparison comparison = Comparison.of(overload);
                if (comparison != null) {
                    return compare(e, comparison, args.get(0), args.get(1));
                }
                return unsupportedBool(e);
            }
        }
    }

    /** CEL's commutative {@code &&}: an error on one side is absorbed when the other side is false. */
    private Eval.Bool and(CelExpr left, CelExpr right) {
        Eval.Bool l = bool(left), r = bool(right);
        if (!mayFail(left)) {
            return a -> l.test(a) && r.test(a);
        }
        return a -> {
            boolean value;
            try {
                value = l.test(a);
            } catch (Eval.EvaluationError error) {
                if (!r.test(a)) {
                    return false;
                }
                throw error;
            }
            return value && r.test(a);
        };
    }

    /** CEL's commutative {@code ||}: an error on one side is absorbed when the other side is true. */
    private Eval.Bool or(CelExpr left, CelExpr right) {
        Eval.Bool l = bool(left), r = bool(right);
        if (!mayFail(left)) {
            return a -> l.test(a) || r.test(a);
        }
        return a -> {
            boolean value;
            try {
                value = l.test(a);
            } catch (Eval.EvaluationError error) {
                if (r.test(a)) {
                    return true;
                }
                throw error;
            }
            return value || r.test(a);
        };
    }

    private Eval.Bool equality(CelExpr call, CelExpr left, CelExpr right) {
        CelKind kind = kind(left);
        if (kind != kind(right)) {
            return unsupportedBool(call);
        }
        switch (kind) {
            case INT -> {
                if (right.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
                    Eval.Int l = integer(left);
                    long constant = right.constant().int64Value();
                    return a -> l.eval(a) == constant;
                }
                Eval.Int l = integer(left), r = integer(right);
                return a -> l.eval(a) == r.eval(a);
            }
            case DOUBLE -> {
                Eval.Double l = decimal(left), r = decimal(right);
                return a -> l.eval(a) == r.eval(a);
            }
            case STRING -> {
                if (right.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
                    Eval.Text l = text(left);
                    String constant = right.constant().stringValue();
                    return a -> constant.equals(l.eval(a));
                }
                Eval.Text l = text(left), r = text(right);
                return a -> l.eval(a).equals(r.eval(a));
            }
            case BOOL -> {
                Eval.Bool l = bool(left), r = bool(right);
                return a -> l.test(a) == r.test(a);
            }
            case LIST -> {
                return problem(call, "lists cannot be compared with == or !=; test membership with 'in' or the number of "
                        + "elements with size()", a -> false);
            }
            default -> {
                return unsupportedBool(call);
            }
        }
    }

    private enum Comparison {
        LESS, LESS_EQUALS, GREATER, GREATER_EQUALS;

        static Comparison of(String overload) {
            if (overload.startsWith("less_equals_")) {
                return LESS_EQUALS;
            }
            if (overload.startsWith("less_")) {
                return LESS;
            }
            if (overload.startsWith("greater_equals_")) {
                return GREATER_EQUALS;
            }
            if (overload.startsWith("greater_")) {
                return GREATER;
            }
            return null;
        }

        /** The outcome for {@code c = compare(left, right)} (-1, 0, 1). */
        boolean holds(int c) {
            return switch (this) {
                case LESS -> c < 0;
                case LESS_EQUALS -> c <= 0;
                case GREATER -> c > 0;
                case GREATER_EQUALS -> c >= 0;
            };
        }
    }

    private Eval.Bool compare(CelExpr call, Comparison comparison, CelExpr left, CelExpr right) {
        CelKind l = kind(left), r = kind(right);
        if (l == CelKind.INT && r == CelKind.INT) {
            Eval.Int x = integer(left);
            if (right.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
                // The common shape "attribute op literal", one closure fewer.
                long c = right.constant().int64Value();
                return switch (comparison) {
                    case LESS -> a -> x.eval(a) < c;
                    case LESS_EQUALS -> a -> x.eval(a) <= c;
                    case GREATER -> a -> x.eval(a) > c;
                    case GREATER_EQUALS -> a -> x.eval(a) >= c;
                };
            }
            Eval.Int y = integer(right);
            return switch (comparison) {
                case LESS -> a -> x.eval(a) < y.eval(a);
                case LESS_EQUALS -> a -> x.eval(a) <= y.eval(a);
                case GREATER -> a -> x.eval(a) > y.eval(a);
                case GREATER_EQUALS -> a -> x.eval(a) >= y.eval(a);
            };
        }
        if (l == CelKind.DOUBLE && r == CelKind.DOUBLE) {
            Eval.Double x = decimal(left), y = decimal(right);
            return switch (comparison) {
                case LESS -> a -> x.eval(a) < y.eval(a);
                case LESS_EQUALS -> a -> x.eval(a) <= y.eval(a);
                case GREATER -> a -> x.eval(a) > y.eval(a);
                case GREATER_EQUALS -> a -> x.eval(a) >= y.eval(a);
            };
        }
        if (l == CelKind.DOUBLE && r == CelKind.INT) {
            Eval.Double x = decimal(left);
            Eval.Int y = integer(right);
            return a -> comparison.holds(compareDoubleInt(x.eval(a), y.eval(a)));
        }
        if (l == CelKind.INT && r == CelKind.DOUBLE) {
            Eval.Int x = integer(left);
            Eval.Double y = decimal(right);
            return a -> comparison.holds(-compareDoubleInt(y.eval(a), x.eval(a)));
        }
        if (l == CelKind.STRING && r == CelKind.STRING) {
            Eval.Text x = text(left), y = text(right);
            return a -> comparison.holds(Integer.signum(x.eval(a).compareTo(y.eval(a))));
        }
        if (l == CelKind.BOOL && r == CelKind.BOOL) {
            Eval.Bool x = bool(left), y = bool(right);
            return a -> comparison.holds(Boolean.compare(x.test(a), y.test(a)));
        }
        return unsupportedBool(call);
    }

    /** CEL's mixed comparison: a double beyond the int range is below or above every int; NaN above. */
    static int compareDoubleInt(double d, long i) {
        if (d < -9.223372036854776E18) {
            return -1;
        }
        if (d > 9.223372036854776E18) {
            return 1;
        }
        return Double.compare(d, (double) i);
    }

    private Eval.Bool in(CelExpr call, CelExpr element, CelExpr list) {
        CelKind kind = kind(element);
        boolean literal = list.getKind() == CelExpr.ExprKind.Kind.LIST;
        boolean constants = literal && list.list().elements().stream()
                .allMatch(x -> x.getKind() == CelExpr.ExprKind.Kind.CONSTANT);
        switch (kind) {
            case STRING -> {
                Eval.Text x = text(element);
                if (constants) {
                    Set<String> values = new HashSet<>();
                    list.list().elements().forEach(v -> values.add(v.constant().stringValue()));
                    return a -> values.contains(x.eval(a));
                }
                Eval.Texts values = texts(list);
                if (element.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
                    // The common shape "'real_estate' in collateralTypes".
                    String constant = element.constant().stringValue();
                    return a -> values.eval(a).contains(constant);
                }
                return a -> values.eval(a).contains(x.eval(a));
            }
            case INT -> {
                if (!literal) {
                    return unsupportedBool(call);
                }
                Eval.Int x = integer(element);
                if (constants) {
                    long[] values = list.list().elements().stream().mapToLong(v -> v.constant().int64Value()).sorted().toArray();
                    return a -> Arrays.binarySearch(values, x.eval(a)) >= 0;
                }
                Eval.Int[] values = list.list().elements().stream().map(this::integer).toArray(Eval.Int[]::new);
                return a -> {
                    long value = x.eval(a);
                    boolean found = false;
                    for (Eval.Int v : values) {
                        found |= v.eval(a) == value; // every element is evaluated, as CEL builds the list first
                    }
                    return found;
                };
            }
            case BOOL -> {
                if (!literal) {
                    return unsupportedBool(call);
                }
                Eval.Bool x = bool(element);
                Eval.Bool[] values = list.list().elements().stream().map(this::bool).toArray(Eval.Bool[]::new);
                return a -> {
                    boolean value = x.test(a);
                    boolean found = false;
                    for (Eval.Bool v : values) {
                        found |= v.test(a) == value;
                    }
                    return found;
                };
            }
            case DOUBLE -> {
                return problem(call, "'in' is not supported for double values; compare with == or a range", a -> false);
            }
            default -> {
                return unsupportedBool(call);
            }
        }
    }

    private Eval.Bool matches(CelExpr subject, CelExpr pattern) {
        Eval.Text text = text(subject);
        if (pattern.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return problem(pattern, "the pattern of matches() must be a string literal", a -> false);
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern.constant().stringValue());
        } catch (PatternSyntaxException invalid) {
            return problem(pattern, "invalid regular expression: " + invalid.getMessage(), a -> false);
        }
        return a -> compiled.matcher(text.eval(a)).find();
    }

    private Eval.Int integer(CelExpr e) {
        switch (e.getKind()) {
            case CONSTANT -> {
                if (e.constant().getKind() == CelConstant.Kind.INT64_VALUE) {
                    long value = e.constant().int64Value();
                    return a -> value;
                }
            }
            case IDENT -> {
                AttributeCatalog.Variable variable = variable(e);
                if (variable != null && variable.integer() != null) {
                    return variable.integer();
                }
            }
            case CALL -> {
                return integerCall(e);
            }
            default -> {
            }
        }
        return unsupportedInt(e);
    }

    private Eval.Int integerCall(CelExpr e) {
        List<CelExpr> args = operands(e);
        switch (overload(e)) {
            case "add_int64" -> {
                Eval.Int l = integer(args.get(0)), r = integer(args.get(1));
                return a -> {
                    long x = l.eval(a), y = r.eval(a), sum = x + y;
                    if (((x ^ sum) & (y ^ sum)) < 0) {
                        throw new Eval.EvaluationError("integer overflow");
                    }
                    return sum;
                };
            }
            case "subtract_int64" -> {
                Eval.Int l = integer(args.get(0)), r = integer(args.get(1));
                return a -> {
                    long x = l.eval(a), y = r.eval(a), difference = x - y;
                    if (((x ^ y) & (x ^ difference)) < 0) {
                        throw new Eval.EvaluationError("integer overflow");
                    }
                    return difference;
                };
            }
            case "multiply_int64" -> {
                Eval.Int l = integer(args.get(0)), r = integer(args.get(1));
                return a -> {
                    long x = l.eval(a), y = r.eval(a);
                    long high = Math.multiplyHigh(x, y), product = x * y;
                    if ((high != 0 || product < 0) && (high != -1 || product >= 0)) {
                        throw new Eval.EvaluationError("integer overflow");
                    }
                    return product;
                };
            }
            case "divide_int64" -> {
                Eval.Int l = integer(args.get(0)), r = integer(args.get(1));
                return a -> {
                    long x = l.eval(a), y = r.eval(a);
                    if (y == 0) {
                        throw new Eval.EvaluationError("division by zero");
                    }
                    if (x == Long.MIN_VALUE && y == -1) {
                        throw new Eval.EvaluationError("integer overflow");
                    }
                    return x / y;
                };
            }
            case "modulo_int64" -> {
                Eval.Int l = integer(args.get(0)), r = integer(args.get(1));
                return a -> {
                    long x = l.eval(a), y = r.eval(a);
                    if (y == 0) {
                        throw new Eval.EvaluationError("modulus by zero");
                    }
                    return x % y;
                };
            }
            case "negate_int64" -> {
                Eval.Int operand = integer(args.get(0));
                return a -> {
                    long x = operand.eval(a);
                    if (x == Long.MIN_VALUE) {
                        throw new Eval.EvaluationError("integer overflow");
                    }
                    return -x;
                };
            }
            case "size_string", "string_size" -> {
                Eval.Text text = text(args.get(0));
                return a -> {
                    String s = text.eval(a);
                    return s.codePointCount(0, s.length());
                };
            }
            case "size_list", "list_size" -> {
                Eval.Texts list = texts(args.get(0));
                return a -> list.eval(a).size();
            }
            case "int64_to_int64" -> {
                return integer(args.get(0));
            }
            case "double_to_int64" -> {
                Eval.Double operand = decimal(args.get(0));
                return a -> {
                    double d = operand.eval(a);
                    // As CEL: out of range (or NaN, infinite) unless exactly -2^63.
                    if (Math.getExponent(d) >= 63 && d != -0x1p63) {
                        throw new Eval.EvaluationError("double is out of range for int");
                    }
                    return (long) d;
                };
            }
            case "conditional" -> {
                Eval.Bool condition = bool(args.get(0));
                Eval.Int then = integer(args.get(1)), otherwise = integer(args.get(2));
                return a -> condition.test(a) ? then.eval(a) : otherwise.eval(a);
            }
            default -> {
                return unsupportedInt(e);
            }
        }
    }

    private Eval.Double decimal(CelExpr e) {
        switch (e.getKind()) {
            case CONSTANT -> {
                if (e.constant().getKind() == CelConstant.Kind.DOUBLE_VALUE) {
                    double value = e.constant().doubleValue();
                    return a -> value;
                }
            }
            case IDENT -> {
                AttributeCatalog.Variable variable = variable(e);
                if (variable != null && variable.decimal() != null) {
                    return variable.decimal();
                }
            }
            case CALL -> {
                List<CelExpr> args = operands(e);
                switch (overload(e)) {
                    case "add_double" -> {
                        Eval.Double l = decimal(args.get(0)), r = decimal(args.get(1));
                        return a -> l.eval(a) + r.eval(a);
                    }
                    case "subtract_double" -> {
                        Eval.Double l = decimal(args.get(0)), r = decimal(args.get(1));
                        return a -> l.eval(a) - r.eval(a);
                    }
                    case "multiply_double" -> {
                        Eval.Double l = decimal(args.get(0)), r = decimal(args.get(1));
                        return a -> l.eval(a) * r.eval(a);
                    }
                    case "divide_double" -> {
                        Eval.Double l = decimal(args.get(0)), r = decimal(args.get(1));
                        return a -> l.eval(a) / r.eval(a);
                    }
                    case "negate_double" -> {
                        Eval.Double operand = decimal(args.get(0));
                        return a -> -operand.eval(a);
                    }
                    case "int64_to_double" -> {
                        Eval.Int operand = integer(args.get(0));
                        return a -> (double) operand.eval(a);
                    }
                    case "double_to_double" -> {
                        return decimal(args.get(0));
                    }
                    case "conditional" -> {
                        Eval.Bool condition = bool(args.get(0));
                        Eval.Double then = decimal(args.get(1)), otherwise = decimal(args.get(2));
                        return a -> condition.test(a) ? then.eval(a) : otherwise.eval(a);
                    }
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
        problem(e, unsupportedMessage(e), null);
        return a -> 0;
    }

    private Eval.Text text(CelExpr e) {
        switch (e.getKind()) {
            case CONSTANT -> {
                if (e.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                    String value = e.constant().stringValue();
                    return a -> value;
                }
            }
            case IDENT -> {
                AttributeCatalog.Variable variable = variable(e);
                if (variable != null && variable.text() != null) {
                    return variable.text();
                }
            }
            case CALL -> {
                List<CelExpr> args = operands(e);
                switch (overload(e)) {
                    case "add_string" -> {
                        Eval.Text l = text(args.get(0)), r = text(args.get(1));
                        return a -> l.eval(a).concat(r.eval(a));
                    }
                    case "string_to_string" -> {
                        return text(args.get(0));
                    }
                    case "conditional" -> {
                        Eval.Bool condition = bool(args.get(0));
                        Eval.Text then = text(args.get(1)), otherwise = text(args.get(2));
                        return a -> condition.test(a) ? then.eval(a) : otherwise.eval(a);
                    }
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
        problem(e, unsupportedMessage(e), null);
        return a -> "";
    }

    private Eval.Texts texts(CelExpr e) {
        switch (e.getKind()) {
            case IDENT -> {
                AttributeCatalog.Variable variable = variable(e);
                if (variable != null && variable.texts() != null) {
                    return variable.texts();
                }
            }
            case LIST -> {
                if (isListOf(e, CelKind.STRING)) {
                    List<CelExpr> elements = e.list().elements();
                    if (elements.stream().allMatch(x -> x.getKind() == CelExpr.ExprKind.Kind.CONSTANT)) {
                        List<String> values = elements.stream().map(x -> x.constant().stringValue()).toList();
                        return a -> values;
                    }
                    Eval.Text[] values = elements.stream().map(this::text).toArray(Eval.Text[]::new);
                    return a -> {
                        List<String> list = new ArrayList<>(values.length);
                        for (Eval.Text value : values) {
                            list.add(value.eval(a));
                        }
                        return list;
                    };
                }
            }
            case CALL -> {
                if (overload(e).equals("conditional")) {
                    List<CelExpr> args = operands(e);
                    Eval.Bool condition = bool(args.get(0));
                    Eval.Texts then = texts(args.get(1)), otherwise = texts(args.get(2));
                    return a -> condition.test(a) ? then.eval(a) : otherwise.eval(a);
                }
            }
            default -> {
            }
        }
        problem(e, unsupportedMessage(e), null);
        return a -> List.of();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private boolean isListOf(CelExpr e, CelKind element) {
        CelType type = type(e);
        return type.kind() == CelKind.LIST && !type.parameters().isEmpty() && type.parameters().get(0).kind() == element;
    }

    /** Whether evaluating {@code e} can raise a CEL error (then {@code && ||} must be able to absorb it). */
    private boolean mayFail(CelExpr e) {
        return switch (e.getKind()) {
            case CALL -> FALLIBLE.contains(overload(e)) || operands(e).stream().anyMatch(this::mayFail);
            case LIST -> e.list().elements().stream().anyMatch(this::mayFail);
            default -> false;
        };
    }

    private AttributeCatalog.Variable variable(CelExpr e) {
        return AttributeCatalog.VARIABLES.get(e.ident().name());
    }

    private CelKind kind(CelExpr e) {
        return type(e).kind();
    }

    private CelType type(CelExpr e) {
        return ast.getType(e.id()).orElseThrow(() -> new IllegalStateException("expression " + e.id() + " was not type-checked"));
    }

    /** The single overload the checker resolved, or "" when none or several. */
    private String overload(CelExpr e) {
        CelReference reference = ast.getReference(e.id()).orElse(null);
        if (reference == null || reference.overloadIds().size() != 1) {
            return "";
        }
        return reference.overloadIds().get(0);
    }

    /** Receiver (for method calls like {@code tier.startsWith('T')}) followed by the arguments. */
    private static List<CelExpr> operands(CelExpr e) {
        CelExpr.CelCall call = e.call();
        if (call.target().isEmpty()) {
            return call.args();
        }
        List<CelExpr> operands = new ArrayList<>(call.args().size() + 1);
        operands.add(call.target().get());
        operands.addAll(call.args());
        return operands;
    }

    private Eval.Bool unsupportedBool(CelExpr e) {
        return problem(e, unsupportedMessage(e), a -> false);
    }

    private Eval.Int unsupportedInt(CelExpr e) {
        problem(e, unsupportedMessage(e), null);
        return a -> 0;
    }

    private <T> T problem(CelExpr e, String message, T placeholder) {
        problems.add(new Problem(e.id(), message));
        return placeholder;
    }

    private String unsupportedMessage(CelExpr e) {
        return switch (e.getKind()) {
            case COMPREHENSION -> "macros such as exists(), all(), map() and filter() are not supported in strategy "
                    + "conditions; test membership with 'value' in list";
            case CONSTANT -> switch (e.constant().getKind()) {
                case UINT64_VALUE -> "unsigned integers are not supported; write the number without 'u'";
                case NULL_VALUE -> "null is not supported; attributes are never null (missing text is '', missing numbers are -1)";
                case BYTES_VALUE -> "bytes literals are not supported";
                default -> "this literal is not supported here";
            };
            case LIST -> "a list literal is only supported on the right of 'in' (e.g. tier in ['T1', 'T2'])";
            case MAP -> "maps are not supported in strategy conditions";
            case STRUCT -> "messages are not supported in strategy conditions";
            case SELECT -> "field selection is not supported; attributes are plain names such as dpd";
            case CALL -> {
                String function = e.call().function();
                String shown = function.startsWith("_") || function.startsWith("@") || function.startsWith("!")
                        ? "'" + function.replace("_", "").replace("@", "") + "'"
                        : function + "()";
                yield shown + " on " + describeOperands(e) + " is not supported in strategy conditions";
            }
            default -> "this expression is not supported in strategy conditions";
        };
    }

    private String describeOperands(CelExpr e) {
        Collection<CelExpr> args = operands(e);
        return "(" + String.join(", ", args.stream().map(x -> AttributeCatalog.typeName(type(x))).toList()) + ")";
    }
}
