package dev.thetaevolve.mutate;

import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@link BuiltinOperator#PERTURB_LITERAL}. Floating literals are the numbers that make progress on
 * numeric seeds, so they weigh three times an integer literal; integer literals that size an array or
 * index one (usually the output's required shape) weigh a tenth. A real changes by the factor
 * {@code exp(s·z)}, z standard normal, s log-uniform in [1e-4, 0.3]: mostly fine refinements, sometimes
 * bold steps, the sign always kept (so {@code a - 0.5} never becomes {@code a - -0.5}), written with just
 * enough significant digits to show the change.
 */
final class LiteralPerturbation {
    static final double MIN_SCALE = 1e-4;
    static final double MAX_SCALE = 0.3;

    private LiteralPerturbation() {
    }

    static Optional<Mutation> mutate(ParsedProgram p, RandomGenerator rnd) {
        return mutate(p, rnd, MutationPolicy.ANY);
    }

    /**
     * As {@link #mutate(ParsedProgram, RandomGenerator)} with the change size limited to bucket
     * {@code magnitude} of {@link MutationPolicy#MAGNITUDES} (reals: that part of the log-scale range;
     * integers: ±1, ±2, ×2/÷2); {@link MutationPolicy#ANY} keeps the full range.
     */
    static Optional<Mutation> mutate(ParsedProgram p, RandomGenerator rnd, int magnitude) {
        List<LiteralStringValueExpr> literals = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (LiteralStringValueExpr lit : p.find(LiteralStringValueExpr.class)) {
            double w;
            if (lit instanceof DoubleLiteralExpr) {
                w = 3;
            } else if (lit instanceof IntegerLiteralExpr || lit instanceof LongLiteralExpr) {
                w = shapesArray(lit) ? 0.1 : 1;
            } else {
                continue;
            }
            literals.add(lit);
            weights.add(w);
        }
        while (!literals.isEmpty()) {
            int k = Weighted.pick(weights, rnd);
            LiteralStringValueExpr lit = literals.remove(k);
            weights.remove(k);
            String old = lit.getValue();
            Optional<String> changed = lit instanceof DoubleLiteralExpr ? perturbReal(old, rnd, magnitude) : stepInteger(old, lit instanceof LongLiteralExpr, rnd, magnitude);
            if (changed.isPresent()) {
                String summary = "perturb literal " + old + " -> " + changed.get() + " at line " + ParsedProgram.line(lit);
                return Optional.of(new Mutation(BuiltinOperator.PERTURB_LITERAL, new SourceEdit(p.start(lit), p.end(lit), changed.get()), summary));
            }
        }
        return Optional.empty();
    }

    private static boolean shapesArray(Node lit) {
        Node parent = lit.getParentNode().orElse(null);
        return parent instanceof ArrayCreationLevel || (parent instanceof ArrayAccessExpr a && a.getIndex() == lit);
    }

    /** A new text for a floating literal, or empty for forms left alone (hexadecimal). */
    static Optional<String> perturbReal(String text, RandomGenerator rnd) {
        return perturbReal(text, rnd, MutationPolicy.ANY);
    }

    static Optional<String> perturbReal(String text, RandomGenerator rnd, int magnitude) {
        String body = text.replace("_", "");
        if (body.startsWith("0x") || body.startsWith("0X")) return Optional.empty();
        char last = body.charAt(body.length() - 1);
        boolean isFloat = last == 'f' || last == 'F';
        String suffix = Character.isLetter(last) ? String.valueOf(last) : "";
        if (!suffix.isEmpty()) body = body.substring(0, body.length() - 1);
        double value;
        try {
            value = Double.parseDouble(body);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        double lo = 0, hi = 1;
        if (magnitude != MutationPolicy.ANY) {
            lo = (double) magnitude / MutationPolicy.MAGNITUDES;
            hi = (magnitude + 1.0) / MutationPolicy.MAGNITUDES;
        }
        double u = lo + rnd.nextDouble() * (hi - lo);
        double scale = Math.exp(Math.log(MIN_SCALE) + u * (Math.log(MAX_SCALE) - Math.log(MIN_SCALE)));
        double z = rnd.nextGaussian();
        double next = value == 0 ? scale * Math.abs(z) : value * Math.exp(scale * z);
        if (!Double.isFinite(next) || (isFloat && !Float.isFinite((float) next))) return Optional.empty();
        double relative = value == 0 ? 1 : Math.abs(scale * z);
        int digits = (int) Math.ceil(-Math.log10(Math.max(relative, 1e-16))) + 2;
        int maxDigits = isFloat ? 8 : 17;
        for (int d = Math.max(3, Math.min(digits, maxDigits)); d <= maxDigits; d++) {
            String candidate = format(next, d);
            if (Double.parseDouble(candidate) != value) return Optional.of(candidate + suffix);
        }
        return Optional.empty();
    }

    private static String format(double v, int significantDigits) {
        BigDecimal bd = new BigDecimal(v).round(new MathContext(significantDigits)).stripTrailingZeros();
        double abs = Math.abs(v);
        String s = abs >= 1e-5 && abs < 1e9 ? bd.toPlainString() : bd.toString();
        return s.contains(".") || s.contains("E") ? s : s + ".0";
    }

    /** A new text for an integer literal: ±1, ±2 or rarely ×2, ÷2, never negative; empty for non-decimal forms. */
    static Optional<String> stepInteger(String text, boolean isLong, RandomGenerator rnd) {
        return stepInteger(text, isLong, rnd, MutationPolicy.ANY);
    }

    static Optional<String> stepInteger(String text, boolean isLong, RandomGenerator rnd, int magnitude) {
        String body = text.replace("_", "");
        String suffix = isLong ? body.substring(body.length() - 1) : "";
        if (isLong) body = body.substring(0, body.length() - 1);
        if (body.length() > 1 && body.startsWith("0")) return Optional.empty(); // hex, octal, binary
        long value;
        try {
            value = Long.parseLong(body);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        double u = switch (magnitude) {
            case MutationPolicy.ANY -> rnd.nextDouble();
            case 0 -> 0.0;
            case 1 -> 0.5;
            default -> 0.9;
        };
        long next;
        if (u < 0.45) next = value + (rnd.nextBoolean() ? 1 : -1);
        else if (u < 0.85) next = value + (rnd.nextBoolean() ? 2 : -2);
        else next = rnd.nextBoolean() ? value * 2 : value / 2;
        next = Math.abs(next);
        if (next == value) next = value + 1;
        if (!isLong && next > Integer.MAX_VALUE) return Optional.empty();
        return Optional.of(next + suffix);
    }
}
