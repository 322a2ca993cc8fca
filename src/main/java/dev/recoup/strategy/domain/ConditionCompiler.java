package dev.recoup.strategy.domain;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition: parsed and type-checked by CEL against the {@link AttributeCatalog} (the result
 * must be a bool), then translated to closures. Every problem is reported with its 1-based line
 * and column, in words a strategy author can act on.
 */
final class ConditionCompiler {

    /** Mixed int/double comparisons ({@code score > 0}) are allowed: authors write them naturally. */
    static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

    private static final CelCompiler CEL;

    static {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                // Macros parse, so exists()/all() get a clear "not supported" rather than "unknown function".
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        AttributeCatalog.VARIABLES.values().forEach(v -> builder.addVar(v.name(), v.celType()));
        CEL = builder.build();
    }

    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("_&&_", "&&"), Map.entry("_||_", "||"), Map.entry("!_", "!"), Map.entry("-_", "-"),
            Map.entry("_==_", "=="), Map.entry("_!=_", "!="), Map.entry("_<_", "<"), Map.entry("_<=_", "<="),
            Map.entry("_>_", ">"), Map.entry("_>=_", ">="), Map.entry("_+_", "+"), Map.entry("_-_", "-"),
            Map.entry("_*_", "*"), Map.entry("_/_", "/"), Map.entry("_%_", "%"), Map.entry("@in", "in"),
            Map.entry("_?_:_", "? :"), Map.entry("_[_]", "[]"));

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
    private static final Pattern RESULT_TYPE = Pattern.compile("expected type 'bool' but found '([^']*)'");
    private static final Pattern NO_OVERLOAD =
            Pattern.compile("found no matching overload for '([^']*)' applied to '\\(([^)]*)\\)'.*", Pattern.DOTALL);

    private ConditionCompiler() {
    }

    /** A problem in one expression; line and column are 1-based. */
    record Issue(int line, int column, String message) {
    }

    /** The closure and CEL's checked tree when the condition compiles; otherwise the issues. */
    record Result(Eval.Bool condition, CelAbstractSyntaxTree ast, List<Issue> issues) {
        boolean ok() {
            return issues.isEmpty();
        }
    }

    static Result compile(String expression) {
        if (expression == null || expression.isBlank()) {
            return new Result(null, null, List.of(new Issue(1, 1, "the condition is empty; write true to match every case")));
        }
        CelValidationResult checked = CEL.compile(expression);
        if (checked.hasError()) {
            List<Issue> issues = checked.getErrors().stream()
                    .map(issue -> fromCel(issue, expression))
                    .sorted(Comparator.comparingInt(Issue::line).thenComparingInt(Issue::column))
                    .toList();
            return new Result(null, null, issues);
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = checked.getAst();
        } catch (CelValidationException impossible) {
            throw new IllegalStateException("CEL reported no error but gave no tree", impossible);
        }
        ConditionTranslator.Translation translation = ConditionTranslator.translate(ast);
        if (!translation.problems().isEmpty()) {
            List<Issue> issues = new ArrayList<>();
            for (ConditionTranslator.Problem problem : translation.problems()) {
                CelSourceLocation location = location(ast, problem.exprId());
                issues.add(new Issue(location.getLine(), location.getColumn() + 1, problem.message()));
            }
            issues.sort(Comparator.comparingInt(Issue::line).thenComparingInt(Issue::column));
            return new Result(null, ast, List.copyOf(issues));
        }
        return new Result(translation.condition(), ast, List.of());
    }

    private static CelSourceLocation location(CelAbstractSyntaxTree ast, long exprId) {
        Integer offset = ast.getSource().getPositionsMap().get(exprId);
        if (offset == null) {
            return CelSourceLocation.of(1, 0);
        }
        return ast.getSource().getOffsetLocation(offset).orElse(CelSourceLocation.of(1, 0));
    }

    private static Issue fromCel(CelIssue issue, String expression) {
        int line = Math.max(1, issue.getSourceLocation().getLine());
        int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
        return new Issue(line, column, explain(issue.getMessage(), expression, line, column));
    }

    /** CEL's messages, reworded for strategy authors where CEL speaks about its own internals. */
    static String explain(String message, String expression, int line, int column) {
        Matcher undeclared = UNDECLARED.matcher(message);
        if (undeclared.matches()) {
            String name = undeclared.group(1);
            if (followedByParenthesis(expression, line, column, name)) {
                return "unknown function '" + name + "'";
            }
            String suggestion = closest(name);
            return "unknown attribute '" + name + "'" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                    + "; known attributes: " + String.join(", ", AttributeCatalog.names());
        }
        Matcher result = RESULT_TYPE.matcher(message);
        if (result.matches()) {
            return "a condition must be true or false (bool), but this expression is of type " + result.group(1);
        }
        Matcher overload = NO_OVERLOAD.matcher(message);
        if (overload.matches()) {
            String function = overload.group(1);
            String operands = overload.group(2);
            String operator = OPERATORS.get(function);
            String what = operator != null ? "operator '" + operator + "'" : function + "()";
            String hint = operands.contains("int") && operands.contains("double")
                    ? "; write a whole number as 1.0 next to a double, or convert with double() or int()"
                    : "";
            return what + " cannot be applied to (" + operands + ")" + hint;
        }
        return message;
    }

    private static boolean followedByParenthesis(String expression, int line, int column, String name) {
        String[] lines = expression.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return false;
        }
        String text = lines[line - 1];
        int from = text.offsetByCodePoints(0, Math.min(column - 1, text.codePointCount(0, text.length())));
        if (text.startsWith("(", from)) {
            return true; // CEL places an unknown function's error at its opening parenthesis
        }
        int at = text.indexOf(name, from);
        if (at < 0) {
            return false;
        }
        String rest = text.substring(at + name.length()).stripLeading();
        return rest.startsWith("(");
    }

    /** The attribute nearest by edit distance (case-insensitive), when it is near enough to be a typo. */
    private static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : AttributeCatalog.names()) {
            int distance = distance(name.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
