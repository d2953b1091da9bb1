package dev.thetaevolve.problem.numeric;

import dev.thetaevolve.problem.Verification;

import java.util.HashMap;
import java.util.Map;

/**
 * The third autocorrelation inequality over signed step heights, in its two published forms: C3 takes the
 * absolute value of the largest signed entry of h*h, C3' the largest absolute entry. Both verifiers share
 * the checks and differ only in that choice. No inequality constraint: the tolerance changes nothing.
 */
public final class SignedAutocorrelation {
    private SignedAutocorrelation() {
    }

    /** Verifies {@code h}; {@code absoluteEntries} selects C3' (max |h*h|) instead of C3 (|max h*h|). */
    public static Verification verify(double[] h, boolean absoluteEntries) {
        int n = h.length;
        if (n == 0 || n > Autoconvolution.MAX_LENGTH) return Verification.invalid("need between 1 and " + Autoconvolution.MAX_LENGTH + " heights, got " + n);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(h[i]) || Double.isInfinite(h[i])) return Verification.invalid("height " + i + " is not finite: " + h[i]);
        }
        double sum = Summation.neumaier(h);
        if (sum == 0) return Verification.invalid("the heights sum to 0; the sum must be non-zero");
        double[] g = Autoconvolution.full(h);
        double max = Double.NEGATIVE_INFINITY;
        double maxAbs = 0;
        for (double v : g) {
            max = Math.max(max, v);
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double c3 = Math.abs(2.0 * n * max / (sum * sum));
        double c3Prime = 2.0 * n * maxAbs / (sum * sum);
        double value = absoluteEntries ? c3Prime : c3;
        if (Double.isNaN(value) || Double.isInfinite(value)) return Verification.invalid("the value is not finite (" + value + "); rescale the heights");
        Map<String, Double> m = new HashMap<>();
        m.put(absoluteEntries ? "c3_prime_bound" : "c3_bound", value);
        m.put("n", (double) n);
        m.put("sum_heights", sum);
        m.put("max_autoconvolution", max);
        m.put("max_abs_autoconvolution", maxAbs);
        m.put(absoluteEntries ? "value_with_abs_of_max" : "value_with_max_abs", absoluteEntries ? c3 : c3Prime);
        return Verification.valid(value, m);
    }
}
