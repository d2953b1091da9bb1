package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Verification;

import java.util.HashMap;
import java.util.Map;

/**
 * Verifies point sets for the min/max distance ratio problem: {@code n} points in R^dim, minimizing
 * {@code (max pairwise distance / min pairwise distance)²}, the squared form the notebook and Friedman's
 * tables use. Valid iff the shape is right, every coordinate is finite and no two points coincide. There
 * is no constraint a tolerance could relax, so tolerant and strict mode agree.
 */
public final class DistanceRatio {

    private DistanceRatio() {
    }

    public static Verification verify(double[][] p, int n, int dim) {
        String layout = dim == 2 ? "{x, y}" : dim == 3 ? "{x, y, z}" : "of " + dim + " coordinates";
        String bad = Rows.check(p, n, dim, "point", layout);
        if (bad != null) return Verification.invalid(bad);
        double min = Double.POSITIVE_INFINITY, max = 0;
        int mi = -1, mj = -1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double d = p[i][k] - p[j][k];
                    s += d * d;
                }
                double d = Math.sqrt(s);
                if (d < min) {
                    min = d;
                    mi = i;
                    mj = j;
                }
                max = Math.max(max, d);
            }
        }
        if (!(min > 0)) return Verification.invalid("points " + mi + " and " + mj + " coincide (distance 0), so the ratio is undefined; keep all points distinct");
        double ratio = max / min;
        double score = ratio * ratio;
        if (!Double.isFinite(score)) return Verification.invalid("the distance ratio overflows (max " + max + ", min " + min + "); spread the points less extremely");
        Map<String, Double> m = new HashMap<>();
        m.put("ratio_squared", score);
        m.put("ratio", ratio);
        m.put("min_distance", min);
        m.put("max_distance", max);
        return Verification.valid(score, m);
    }
}
