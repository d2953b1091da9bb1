package dev.thetaevolve.problem.numeric;

import java.math.BigDecimal;

/** Sums of doubles that do not depend on a loop's rounding: compensated and correctly rounded. */
public final class Summation {

    private Summation() {
    }

    /**
     * Neumaier's compensated sum (improved Kahan): error about one ulp of the result, independent of n
     * for all practical inputs. Agrees with numpy's pairwise sum on the reference data.
     */
    public static double neumaier(double[] values) {
        double sum = 0, comp = 0;
        for (double v : values) {
            double t = sum + v;
            comp += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + comp;
    }

    /**
     * The exact sum of the doubles rounded once to the nearest double, ties to even: what Python's
     * {@code math.fsum} returns. Input must be finite.
     *
     * @throws IllegalArgumentException for a NaN or infinite value
     */
    public static double correctlyRounded(double[] values) {
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
            exact = exact.add(new BigDecimal(values[i]));
        }
        return nearestDouble(exact);
    }

    /** The double nearest to {@code exact}, ties to even (BigDecimal.doubleValue is not guaranteed to round correctly on Java 17). */
    public static double nearestDouble(BigDecimal exact) {
        double d = exact.doubleValue();
        if (Double.isInfinite(d)) return d;
        double best = d;
        BigDecimal bestErr = exact.subtract(new BigDecimal(d)).abs();
        for (double c : new double[] {Math.nextDown(d), Math.nextUp(d)}) {
            if (Double.isInfinite(c)) continue;
            BigDecimal err = exact.subtract(new BigDecimal(c)).abs();
            int cmp = err.compareTo(bestErr);
            if (cmp < 0 || (cmp == 0 && (Double.doubleToRawLongBits(c) & 1L) == 0)) {
                best = c;
                bestErr = err;
            }
        }
        return best;
    }
}
