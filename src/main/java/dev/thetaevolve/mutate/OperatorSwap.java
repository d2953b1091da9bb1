package dev.thetaevolve.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@link BuiltinOperator#SWAP_OPERATOR}: swaps within sets that keep the types (and so compilation)
 * intact. {@code +} is left alone in string concatenations, and {@code *} becomes {@code /} only when the
 * divisor would be a non-zero literal, so the swap never introduces a division by zero.
 */
final class OperatorSwap {
    private static final Map<BinaryExpr.Operator, BinaryExpr.Operator> SWAPS = Map.of(
            BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS,
            BinaryExpr.Operator.MINUS, BinaryExpr.Operator.PLUS,
            BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE,
            BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.MULTIPLY,
            BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS,
            BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.LESS,
            BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS,
            BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.GREATER);

    private OperatorSwap() {
    }

    static Optional<Mutation> mutate(ParsedProgram p, RandomGenerator rnd) {
        List<Mutation> options = new ArrayList<>();
        for (BinaryExpr b : p.find(BinaryExpr.class)) {
            BinaryExpr.Operator to = SWAPS.get(b.getOperator());
            if (to == null || !safe(b)) continue;
            int gapStart = p.end(b.getLeft());
            int gapEnd = p.start(b.getRight());
            String symbol = b.getOperator().asString();
            // the operator token is the only thing between the operands (comments there: leave it alone)
            if (gapEnd < gapStart || !p.source.substring(gapStart, gapEnd).strip().equals(symbol)) continue;
            int at = p.source.indexOf(symbol, gapStart);
            options.add(new Mutation(BuiltinOperator.SWAP_OPERATOR, new SourceEdit(at, at + symbol.length(), to.asString()),
                    "swap operator " + symbol + " -> " + to.asString() + " at line " + ParsedProgram.line(b)));
        }
        for (MethodCallExpr call : p.find(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            boolean math = call.getScope().filter(s -> s instanceof NameExpr n && (n.getNameAsString().equals("Math") || n.getNameAsString().equals("StrictMath"))).isPresent();
            if (!math || call.getArguments().size() != 2 || !(name.equals("min") || name.equals("max"))) continue;
            String to = name.equals("min") ? "max" : "min";
            options.add(new Mutation(BuiltinOperator.SWAP_OPERATOR, new SourceEdit(p.start(call.getName()), p.end(call.getName()), to),
                    "swap Math." + name + " -> Math." + to + " at line " + ParsedProgram.line(call)));
        }
        return options.isEmpty() ? Optional.empty() : Optional.of(options.get(rnd.nextInt(options.size())));
    }

    private static boolean safe(BinaryExpr b) {
        return switch (b.getOperator()) {
            case PLUS -> !inStringConcatenation(b);
            case MULTIPLY -> nonZeroLiteral(b.getRight());
            default -> true;
        };
    }

    private static boolean nonZeroLiteral(Expression e) {
        try {
            if (e instanceof DoubleLiteralExpr d) return d.asDouble() != 0;
            if (e instanceof IntegerLiteralExpr i) return i.asNumber().longValue() != 0;
            if (e instanceof LongLiteralExpr l) return l.asNumber().longValue() != 0;
        } catch (NumberFormatException ex) {
            return false;
        }
        return false;
    }

    /** Whether the chain of {@code +} holding {@code b} has a string or char literal in it. */
    private static boolean inStringConcatenation(BinaryExpr b) {
        Node top = b;
        while (top.getParentNode().isPresent()) {
            Node parent = top.getParentNode().get();
            if (parent instanceof EnclosedExpr || (parent instanceof BinaryExpr pb && pb.getOperator() == BinaryExpr.Operator.PLUS)) top = parent;
            else break;
        }
        return !top.findAll(StringLiteralExpr.class).isEmpty() || !top.findAll(TextBlockLiteralExpr.class).isEmpty()
                || !top.findAll(CharLiteralExpr.class).isEmpty();
    }
}
