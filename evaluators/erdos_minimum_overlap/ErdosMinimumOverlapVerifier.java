import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.Summation;

import java.util.HashMap;
import java.util.Map;

/**
 * Erdős minimum overlap (AlphaEvolve B.5), minimize (2/n)·max_k Σ_i h_{i+k}(1 − h_i) over all shifts
 * k = −(n−1) … n−1 (numpy.correlate(h, 1−h, 'full')), for heights 0 <= h_i <= 1 with Σh = n/2.
 * Strict: the sum, correctly rounded (Python's math.fsum; numpy's pairwise sum agrees on the reference),
 * must equal n/2 exactly. Tolerant: |Σh − n/2| <= tolerance·n/2 and heights in [−tol, 1+tol].
 */
public class ErdosMinimumOverlapVerifier implements Verifier {
    private static final int MAX_N = 20000;

    public Verification verify(Object output, double tol) {
        double[] h = (double[]) output;
        int n = h.length;
        if (n == 0 || n > MAX_N) return Verification.invalid("need between 1 and " + MAX_N + " heights, got " + n);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(h[i]) || Double.isInfinite(h[i])) return Verification.invalid("height " + i + " is not finite: " + h[i]);
            if (h[i] < -tol || h[i] > 1 + tol) return Verification.invalid("height " + i + " is " + h[i] + "; every height must lie in [0, 1]");
        }
        double sum = Summation.correctlyRounded(h);
        double target = n / 2.0;
        if (tol == 0 ? sum != target : Math.abs(sum - target) > tol * target) {
            return Verification.invalid("the heights sum to " + sum + " but must sum to exactly n/2 = " + target
                    + " (off by " + (sum - target) + "); rescale, then fix the last ulps on one height");
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestShift = 0;
        for (int k = -(n - 1); k <= n - 1; k++) {
            double s = 0;
            int lo = Math.max(0, -k), hi = Math.min(n, n - k);
            for (int i = lo; i < hi; i++) s += h[i + k] * (1 - h[i]);
            if (s > best) {
                best = s;
                bestShift = k;
            }
        }
        double value = 2.0 * best / n;
        Map<String, Double> m = new HashMap<String, Double>();
        m.put("overlap_bound", value);
        m.put("n", (double) n);
        m.put("sum_heights", sum);
        m.put("worst_shift", (double) bestShift);
        return Verification.valid(value, m);
    }
}
