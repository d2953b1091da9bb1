import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.KissingConfiguration;

import java.util.HashMap;
import java.util.Map;

/**
 * Kissing number in dimension 11 (AlphaEvolve B.11), maximize |C| for integer vectors C in Z^11 with
 * 0 ∉ C and min_{x≠y} |x−y|² >= max_x |x|², all exact (squared norms reach ~1e26). Repeated points
 * have distance 0 and so are rejected. The check is exact integer arithmetic: the tolerance is ignored.
 */
public class KissingNumber11Verifier implements Verifier {
    private static final int DIM = 11;

    public Verification verify(Object output, double tol) {
        long[][] c = (long[][]) output;
        if (c.length == 0) return Verification.invalid("the configuration is empty; return at least one point in Z^11");
        if (c.length > KissingConfiguration.MAX_POINTS) return Verification.invalid("at most " + KissingConfiguration.MAX_POINTS + " points are checked, got " + c.length);
        for (int i = 0; i < c.length; i++) {
            if (c[i] == null || c[i].length != DIM) return Verification.invalid("point " + i + " must have exactly " + DIM + " integer coordinates, got " + (c[i] == null ? "null" : String.valueOf(c[i].length)));
        }
        KissingConfiguration.Figures f = KissingConfiguration.measure(c);
        if (f.zeroIndex() >= 0) return Verification.invalid("point " + f.zeroIndex() + " is the zero vector; 0 must not be in C");
        if (!f.valid()) {
            return Verification.invalid("points " + f.closestI() + " and " + f.closestJ() + " are too close: |x-y|^2 = " + f.minSquaredDistance()
                    + " < max |x|^2 = " + f.maxSquaredNorm() + " (every pairwise squared distance must be >= the largest squared norm)");
        }
        Map<String, Double> m = new HashMap<String, Double>();
        m.put("points", (double) c.length);
        m.put("max_squared_norm", f.maxSquaredNorm().doubleValue());
        m.put("min_squared_norm", f.minSquaredNorm().doubleValue());
        if (f.minSquaredDistance() != null) {
            m.put("min_squared_distance", f.minSquaredDistance().doubleValue());
            m.put("relative_margin", new java.math.BigDecimal(f.minSquaredDistance().subtract(f.maxSquaredNorm()))
                    .divide(new java.math.BigDecimal(f.maxSquaredNorm()), java.math.MathContext.DECIMAL64).doubleValue());
        }
        return Verification.valid(c.length, m);
    }
}
