import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.Autoconvolution;
import dev.thetaevolve.problem.numeric.Summation;

import java.util.HashMap;
import java.util.Map;

/**
 * First autocorrelation inequality (AlphaEvolve B.1), minimize 2n·max_k (h*h)_k / (Σh)² over
 * non-negative step heights h of any length n. The notebook does not check h >= 0; the problem requires
 * it, so we do. Tolerant mode accepts heights down to −tolerance.
 */
public class FirstAutocorrelationC1Verifier implements Verifier {

    public Verification verify(Object output, double tol) {
        double[] h = (double[]) output;
        int n = h.length;
        if (n == 0 || n > Autoconvolution.MAX_LENGTH) return Verification.invalid("need between 1 and " + Autoconvolution.MAX_LENGTH + " heights, got " + n);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(h[i]) || Double.isInfinite(h[i])) return Verification.invalid("height " + i + " is not finite: " + h[i]);
            if (h[i] < -tol) return Verification.invalid("height " + i + " is negative (" + h[i] + "); all heights must be >= 0");
        }
        double sum = Summation.neumaier(h);
        if (!(sum > 0)) return Verification.invalid("the heights sum to " + sum + "; the sum must be positive");
        double[] g = Autoconvolution.full(h);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < g.length; k++) max = Math.max(max, g[k]);
        double value = 2.0 * n * max / (sum * sum);
        if (Double.isNaN(value) || Double.isInfinite(value)) return Verification.invalid("the value overflows (" + value + "); scale the heights down");
        Map<String, Double> m = new HashMap<String, Double>();
        m.put("c1_bound", value);
        m.put("n", (double) n);
        m.put("sum_heights", sum);
        m.put("max_autoconvolution", max);
        return Verification.valid(value, m);
    }
}
