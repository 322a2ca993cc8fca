package dev.recoup.strategy.domain;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import org.kie.api.KieBase;
import org.kie.api.builder.KieBuilder;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.utils.KieHelper;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The same decision table as a strategy's segments, in Drools: one rule per segment, its
 * constraint translated from the same checked CEL tree, first match by salience (earlier segment
 * = higher salience) within one activation-group, so exactly one rule fires and sets the segment.
 * Only what the benchmark's conditions use is translated; anything else throws.
 */
final class DroolsDecisionTable {

    private final KieBase kieBase;
    private final String drl;

    DroolsDecisionTable(StrategyDefinition definition, Class<? extends KieBuilder.ProjectType> projectType) {
        this.drl = drl(definition);
        this.kieBase = projectType == null
                ? new KieHelper().addContent(drl, ResourceType.DRL).build()
                : new KieHelper().addContent(drl, ResourceType.DRL).build(projectType);
    }

    String drl() {
        return drl;
    }

    StatelessKieSession statelessSession() {
        return kieBase.newStatelessKieSession();
    }

    KieSession statefulSession() {
        return kieBase.newKieSession();
    }

    /** Stateless: a fresh working memory per case, as a rules service would evaluate one request. */
    static int segmentOf(StatelessKieSession session, CaseFact fact) {
        fact.setSegment(-1);
        session.execute(fact);
        return fact.getSegment();
    }

    /** One reused session: insert, fire, delete — Drools' cheapest way through a batch. */
    static int segmentOf(KieSession session, CaseFact fact) {
        fact.setSegment(-1);
        FactHandle handle = session.insert(fact);
        session.fireAllRules();
        session.delete(handle);
        return fact.getSegment();
    }

    static String drl(StrategyDefinition definition) {
        StringBuilder drl = new StringBuilder("package dev.recoup.strategy.bench;\n\nimport ")
                .append(CaseFact.class.getName()).append(";\n\n");
        List<StrategyDefinition.Segment> segments = definition.segments();
        for (int i = 0; i < segments.size(); i++) {
            ConditionCompiler.Result compiled = ConditionCompiler.compile(segments.get(i).condition());
            if (!compiled.ok()) {
                throw new IllegalArgumentException(segments.get(i).code() + ": " + compiled.issues());
            }
            drl.append("rule \"segment ").append(i).append(' ').append(segments.get(i).code()).append("\"\n")
                    .append("    salience ").append(segments.size() - i).append('\n')
                    .append("    activation-group \"segment\"\n")
                    .append("when\n    $case : CaseFact( ").append(new Translator(compiled.ast()).expression(compiled.ast().getExpr()))
                    .append(" )\nthen\n    $case.setSegment(").append(i).append(");\nend\n\n");
        }
        return drl.toString();
    }

    private record Translator(CelAbstractSyntaxTree ast) {

        String expression(CelExpr e) {
            return switch (e.getKind()) {
                case CONSTANT -> constant(e.constant());
                case IDENT -> e.ident().name();
                case LIST -> e.list().elements().stream().map(this::expression).collect(Collectors.joining(", ", "(", ")"));
                case CALL -> call(e);
                default -> throw new IllegalArgumentException("not translated to DRL: " + e);
            };
        }

        private String call(CelExpr e) {
            List<CelExpr> args = new ArrayList<>();
            e.call().target().ifPresent(args::add);
            args.addAll(e.call().args());
            String function = e.call().function();
            return switch (function) {
                case "_&&_" -> "(" + expression(args.get(0)) + " && " + expression(args.get(1)) + ")";
                case "_||_" -> "(" + expression(args.get(0)) + " || " + expression(args.get(1)) + ")";
                case "!_" -> "!(" + expression(args.get(0)) + ")";
                case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_" ->
                        expression(args.get(0)) + " " + function.replace("_", "") + " " + expression(args.get(1));
                case "_+_", "_-_", "_*_" -> "(" + expression(args.get(0)) + " " + function.replace("_", "") + " " + expression(args.get(1)) + ")";
                case "@in" -> args.get(1).getKind() == CelExpr.ExprKind.Kind.LIST
                        ? expression(args.get(0)) + " in " + expression(args.get(1))
                        : expression(args.get(1)) + " contains " + expression(args.get(0));
                case "startsWith", "endsWith", "contains" -> expression(args.get(0)) + "." + function + "(" + expression(args.get(1)) + ")";
                case "size" -> expression(args.get(0)) + (ast.getType(args.get(0).id()).orElseThrow().name().equals("string") ? ".length()" : ".size()");
                default -> throw new IllegalArgumentException("not translated to DRL: " + function);
            };
        }

        private static String constant(CelConstant constant) {
            return switch (constant.getKind()) {
                case BOOLEAN_VALUE -> Boolean.toString(constant.booleanValue());
                case INT64_VALUE -> constant.int64Value() == (int) constant.int64Value() ? Long.toString(constant.int64Value()) : constant.int64Value() + "L";
                case DOUBLE_VALUE -> Double.toString(constant.doubleValue());
                case STRING_VALUE -> "\"" + constant.stringValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                default -> throw new IllegalArgumentException("not translated to DRL: " + constant);
            };
        }
    }
}
