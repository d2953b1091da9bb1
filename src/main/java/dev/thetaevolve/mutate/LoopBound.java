package dev.thetaevolve.mutate;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.stmt.ForStmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@link BuiltinOperator#LOOP_BOUND}: moves the right-hand bound of a for-loop comparison by one. A
 * literal bound steps (never below 0), {@code n - k} / {@code n + k} adjust k, any other bound gets
 * {@code + 1} or {@code - 1} appended (parenthesized when it binds looser than addition).
 */
final class LoopBound {
    private static final Set<BinaryExpr.Operator> COMPARISONS = Set.of(BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS,
            BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS);

    private LoopBound() {
    }

    static Optional<Mutation> mutate(ParsedProgram p, RandomGenerator rnd) {
        List<BinaryExpr> conditions = new ArrayList<>();
        for (ForStmt f : p.find(ForStmt.class)) {
            f.getCompare().filter(c -> c instanceof BinaryExpr b && COMPARISONS.contains(b.getOperator())).ifPresent(c -> conditions.add((BinaryExpr) c));
        }
        if (conditions.isEmpty()) return Optional.empty();
        BinaryExpr cond = conditions.get(rnd.nextInt(conditions.size()));
        Expression bound = cond.getRight();
        int delta = rnd.nextBoolean() ? 1 : -1;
        String old = p.text(bound);
        String next = shifted(p, bound, delta);
        SourceEdit edit = new SourceEdit(p.start(bound), p.end(bound), next);
        String left = p.text(cond.getLeft()) + " " + cond.getOperator().asString() + " ";
        return Optional.of(new Mutation(BuiltinOperator.LOOP_BOUND, edit,
                "loop bound " + left + old + " -> " + left + next + " at line " + ParsedProgram.line(cond)));
    }

    private static String shifted(ParsedProgram p, Expression bound, int delta) {
        Long literal = decimal(bound);
        if (literal != null) return Long.toString(literal + delta < 0 ? literal + 1 : literal + delta);
        if (bound instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.PLUS || b.getOperator() == BinaryExpr.Operator.MINUS)) {
            Long k = decimal(b.getRight());
            if (k != null) {
                long signed = (b.getOperator() == BinaryExpr.Operator.PLUS ? k : -k) + delta;
                String base = p.text(b.getLeft());
                return signed == 0 ? base : base + (signed > 0 ? " + " : " - ") + Math.abs(signed);
            }
        }
        boolean loose = bound.isConditionalExpr() || bound.isAssignExpr() || bound.isLambdaExpr() || bound.isInstanceOfExpr()
                || (bound instanceof BinaryExpr b && !(b.getOperator() == BinaryExpr.Operator.MULTIPLY || b.getOperator() == BinaryExpr.Operator.DIVIDE
                || b.getOperator() == BinaryExpr.Operator.REMAINDER || b.getOperator() == BinaryExpr.Operator.PLUS || b.getOperator() == BinaryExpr.Operator.MINUS));
        String base = loose ? "(" + p.text(bound) + ")" : p.text(bound);
        return base + (delta > 0 ? " + 1" : " - 1");
    }

    private static Long decimal(Expression e) {
        if (!(e instanceof IntegerLiteralExpr i)) return null;
        String v = i.getValue().replace("_", "");
        if (v.length() > 1 && v.startsWith("0")) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
