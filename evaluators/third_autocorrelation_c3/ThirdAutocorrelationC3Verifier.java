import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.Autoconvolution;
import dev.thetaevolve.problem.numeric.Summation;

import java.util.HashMap;
import java.util.Map;

/**
 * Third autocorrelation inequality (AlphaEvolve B.3), minimize |2n·max_k (h*h)_k / (Σh)²| over signed
 * step heights: the absolute value of the largest SIGNED autoconvolution entry (not max |h*h|, which is
 * third_autocorrelation_c3_prime). No inequality constraint, so the tolerance changes nothing.
 */
public class ThirdAutocorrelationC3Verifier implements Verifier {

    public Verification verify(Object output, double tol) {
        double[] h = (double[]) output;
        int n = h.length;
        if (n == 0 || n > Autoconvolution.MAX_LENGTH) return Verification.invalid("need between 1 and " + Autoconvolution.MAX_LENGTH + " heights, got " + n);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(h[i]) || Double.isInfinite(h[i])) return Verification.invalid("height " + i + " is not finite: " + h[i]);
        }
        double sum = Summation.neumaier(h);
        if (sum == 0) return Verification.invalid("the heights sum to 0; the sum must be non-zero");
        double[] g = Autoconvolution.full(h);
        double max = Double.NEGATIVE_INFINITY, maxAbs = 0;
        for (int k = 0; k < g.length; k++) {
            max = Math.max(max, g[k]);
            maxAbs = Math.max(maxAbs, Math.abs(g[k]));
        }
        double value = Math.abs(2.0 * n * max / (sum * sum));
        if (Double.isNaN(value) || Double.isInfinite(value)) return Verification.invalid("the value is not finite (" + value + "); rescale the heights");
        Map<String, Double> m = new HashMap<String, Double>();
        m.put("c3_bound", value);
        m.put("n", (double) n);
        m.put("sum_heights", sum);
        m.put("max_autoconvolution", max);
        m.put("value_with_max_abs", 2.0 * n * maxAbs / (sum * sum));
        return Verification.valid(value, m);
    }
}
