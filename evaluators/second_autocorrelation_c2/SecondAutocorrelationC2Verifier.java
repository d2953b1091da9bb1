import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.Autoconvolution;
import dev.thetaevolve.problem.numeric.Summation;

import java.util.HashMap;
import java.util.Map;

/**
 * Second autocorrelation inequality (AlphaEvolve B.2), maximize L2²/(L1·L∞) of g = h*h for non-negative
 * heights h, with the notebook's piecewise-linear L2² over y = (0, g_0 … g_{N−1}, 0) on
 * linspace(−1/2, 1/2, N+2) (widths taken from the linspace points, which are not all exactly 1/(N+1)),
 * L1 = Σ|g|/(N+1), L∞ = max|g|. The notebook does not check h >= 0; we do. Tolerant mode accepts
 * heights down to −tolerance.
 */
public class SecondAutocorrelationC2Verifier implements Verifier {

    public Verification verify(Object output, double tol) {
        double[] h = (double[]) output;
        int n = h.length;
        if (n == 0 || n > Autoconvolution.MAX_LENGTH) return Verification.invalid("need between 1 and " + Autoconvolution.MAX_LENGTH + " heights, got " + n);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(h[i]) || Double.isInfinite(h[i])) return Verification.invalid("height " + i + " is not finite: " + h[i]);
            if (h[i] < -tol) return Verification.invalid("height " + i + " is negative (" + h[i] + "); all heights must be >= 0");
        }
        double[] g = Autoconvolution.full(h);
        int bigN = g.length;
        double[] y = new double[bigN + 2];
        System.arraycopy(g, 0, y, 1, bigN);
        // numpy.linspace(-0.5, 0.5, N+2): start + i*step, last point set to stop
        int num = bigN + 2;
        double step = 1.0 / (num - 1);
        double[] x = new double[num];
        for (int i = 0; i < num; i++) x[i] = i * step + -0.5;
        x[num - 1] = 0.5;
        double[] terms = new double[bigN + 1];
        for (int i = 0; i <= bigN; i++) {
            double w = x[i + 1] - x[i];
            double a = y[i], b = y[i + 1];
            terms[i] = (w / 3) * (a * a + a * b + b * b);
        }
        double l2sq = Summation.neumaier(terms);
        double[] abs = new double[bigN];
        double linf = 0;
        for (int k = 0; k < bigN; k++) {
            abs[k] = Math.abs(g[k]);
            linf = Math.max(linf, abs[k]);
        }
        double l1 = Summation.neumaier(abs) / (bigN + 1);
        if (!(linf > 0) || !(l1 > 0)) return Verification.invalid("all heights are zero (or the autoconvolution underflows); use positive heights");
        double value = l2sq / (l1 * linf);
        if (Double.isNaN(value) || Double.isInfinite(value)) return Verification.invalid("the value is not finite (" + value + "); rescale the heights");
        Map<String, Double> m = new HashMap<String, Double>();
        m.put("c2_bound", value);
        m.put("n", (double) n);
        m.put("l2_norm_squared", l2sq);
        m.put("norm_1", l1);
        m.put("norm_inf", linf);
        return Verification.valid(value, m);
    }
}
